package org.framelens.jobs.cli.dev;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.spark.CodeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "build-samples",
    hidden = true,
    mixinStandardHelpOptions = true,
    description =
        "Rebuild data-samples/crawl/sample-crawl.warc.gz from data-samples/source/crawl/.")
public final class SamplesCommand implements Callable<Integer> {
  @Option(names = "--samples", paramLabel = "DIR", description = "The data-samples folder.")
  String samples = CodeVersion.underHome("data-samples");

  @Override
  public Integer call() throws Exception {
    Path root = Path.of(samples);
    Path target = root.resolve("crawl/sample-crawl.warc.gz");
    int n = new SampleCrawlBuilder(root.resolve("source/crawl"), target).build();
    System.out.println("wrote " + n + " documents and their records to " + target);
    return ExitCodes.OK;
  }
}

package org.framelens.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "retag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag the stored article text under --output again with another lexicon and rewrite"
          + " frame_hits and the comparison tables; no document is read or parsed again."
    })
final class RetagCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder of an earlier run.")
  String output;

  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description = "Lexicon TSV (default: the bundled lexicon).")
  String lexicon;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODES",
      description =
          "Languages for foreign-script stretches (default: the lexicon's plus common news languages).")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--include-copies",
      description =
          "Count near-duplicate copies in the comparison tables too (default: each original once).")
  boolean includeCopies;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = SparkSessions.create("framelens retag", master);
    try {
      RetagJob.Summary s =
          RetagJob.run(spark, new RetagJob.Config(output, lexicon, languages, includeCopies));
      System.out.print(s.render());
      return FramelensCli.OK;
    } finally {
      spark.stop();
    }
  }
}

package org.framelens.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.retag.RetagJob;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "retag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag the stored article text under --output again with another lexicon and rewrite"
          + " frame_hits and the comparison tables; no document is read or parsed again."
    })
public final class RetagCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder of an earlier run.")
  String output;

  @Mixin LexiconOptions lexicon;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() throws Exception {
    SparkSession session = SparkSessions.create("framelens retag", spark.master());
    try {
      RetagJob.Summary s =
          RetagJob.run(
              session,
              new RetagJob.Config(
                  output,
                  ProcessingSettings.defaults()
                      .withLexicon(lexicon.lexicon)
                      .withLanguages(lexicon.languages),
                  lexicon.includeCopies));
      System.out.print(s.render());
      return ExitCodes.OK;
    } finally {
      session.stop();
    }
  }
}

package org.framelens.jobs.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.nightly.NightlyJob;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Process one crawl date for a scheduler: replace exactly that date's partitions of articles,"
          + " frame_hits and quarantine, recompute the comparison tables and append a row to runs."
          + " A date whose inputs, lexicon, code and settings are unchanged since its last"
          + " successful run is skipped (unless --force); after a lexicon change stored text is"
          + " retagged instead of parsed again. Every change is published atomically per folder;"
          + " an interrupted commit is finished by the next run.",
      "Exit codes: 0 succeeded or skipped (quarantined records included), 1 run failed (the"
          + " previous tables are untouched), 2 bad usage or configuration, 3 no input for the"
          + " date yet (retry later), 4 another nightly run is writing to the output (its lease"
          + " is in _framelens/lock). A non-empty --output that is not a framelens output (no"
          + " _framelens/ folder) is refused with 2 unless --force-output; so is a commit journal"
          + " under _framelens/commits/ that points outside the output."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The crawl date to process.")
  LocalDate date;

  @Option(
      names = "--input-root",
      paramLabel = "DIR",
      description = "Folder holding one folder per date (DIR/YYYY-MM-DD/**).")
  String inputRoot;

  @Option(
      names = "--input-template",
      paramLabel = "TEMPLATE",
      description =
          "Where a date's input is, if not {root}/{date}: {root}, {date}, {yyyy}, {MM}, {dd} are"
              + " replaced, e.g. s3a://crawl/{yyyy}/{MM}/{dd}.")
  String inputTemplate;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (the same every night).")
  String output;

  @Mixin ProcessingOptions processing;

  @Mixin SparkOptions spark;

  @Option(names = "--force", description = "Process the date even if nothing changed.")
  boolean force;

  @Option(
      names = "--force-output",
      description =
          "Write into a non-empty --output folder that is not a framelens output (its"
              + " subfolders named like tables are replaced).")
  boolean forceOutput;

  NightlyJob.Config config() {
    if (inputRoot == null && inputTemplate == null) {
      throw new IllegalArgumentException("give --input-root or --input-template");
    }
    return new NightlyJob.Config(
        date,
        inputRoot,
        inputTemplate == null ? NightlyJob.DEFAULT_TEMPLATE : inputTemplate,
        output,
        processing.settings(),
        processing.includeCopies(),
        force,
        forceOutput);
  }

  @Override
  public Integer call() throws Exception {
    NightlyJob.Config config = config();
    SparkSession session = SparkSessions.create("framelens nightly " + date, spark.master());
    processing.applyTo(session.sparkContext().hadoopConfiguration());
    try {
      NightlyJob.Result r = NightlyJob.run(session, config);
      System.out.print(r.render());
      return ExitCodes.OK;
    } finally {
      session.stop();
    }
  }
}

package org.framelens.jobs.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Read WARC files and document folders, extract, detect language, tag frames, and write the"
          + " articles, frame_hits, outlet_frames and quarantine tables (Parquet) under --output.",
      "Exit codes: 0 completed (quarantined records included), 1 run failed, 2 bad usage or"
          + " configuration (also: --output is not a framelens output, or is a nightly store), 4"
          + " another writer holds the output's lease."
    })
public final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "WARC file (.warc, .warc.gz), document, or folder (read recursively); Hadoop paths (hdfs://, s3a://) work.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description =
          "Output folder; its tables are replaced, all at once (a crash leaves the previous"
              + " ones). A non-empty folder must be a framelens output (it has _framelens/);"
              + " a nightly store is refused.")
  String output;

  @Option(
      names = "--force-output",
      description =
          "Write into a non-empty --output folder that is not a framelens output (its"
              + " subfolders named like tables are replaced).")
  boolean forceOutput;

  @Mixin ProcessingOptions processing;

  @Mixin SparkOptions spark;

  RunConfig config() {
    return new RunConfig(
        inputs, output, processing.settings(), processing.includeCopies(), forceOutput);
  }

  @Override
  public Integer call() throws Exception {
    RunConfig config = config();
    // lexicon, tagger and Lingua's models are built while Spark starts (the run then finds them)
    PreparedProcessing.prepareInBackground(config.processing());
    SparkSession session = SparkSessions.create("framelens run", spark.master());
    processing.applyTo(session.sparkContext().hadoopConfiguration());
    double startup =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    RunSummary summary;
    HeapWatch heap = new HeapWatch();
    try {
      summary = FramingRunJob.run(session, config);
    } finally {
      heap.close();
      long stopStart = System.nanoTime();
      session.stop();
      System.err.printf(
          Locale.ROOT,
          "framelens: JVM start to Spark session %.1f s, Spark stop %.1f s%n",
          startup,
          (System.nanoTime() - stopStart) / 1e9);
    }
    System.out.print(summary.render());
    System.out.printf(
        Locale.ROOT,
        "  before the run: JVM start, Spark session %.1f s (the command's wall time is these"
            + " plus the run's seconds plus Spark's stop)%n",
        startup);
    System.out.print("  " + heap.render());
    String startMode = System.getenv("FRAMELENS_START_MODE");
    if (startMode != null && !startMode.isBlank()) {
      // set by bin/framelens for small local runs (see there)
      System.out.println("  JVM: " + startMode);
    }
    return ExitCodes.OK;
  }
}

package org.framelens.jobs.nightly;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.ingest.InputListing;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.spark.CodeVersion;

/**
 * {@code nightly}: processes one crawl date and replaces exactly that date's partitions of
 * articles, frame_hits and quarantine, recomputes the comparison tables and appends a row to {@code
 * runs}. Safe to rerun: a date whose inputs, lexicon, code and settings are unchanged since its
 * last successful run is skipped; one whose inputs are unchanged but lexicon changed is retagged
 * from stored text; everything is published through {@link OutputCommit}.
 */
public final class NightlyJob {
  private NightlyJob() {}

  /** The default layout: one folder per crawl date under the input root. */
  public static final String DEFAULT_TEMPLATE = "{root}/{date}";

  /**
   * Options of {@code nightly}, immutable.
   *
   * @param pathTemplate where the date's input is: {@code {root}} and {@code {date}} (yyyy-MM-dd)
   *     are replaced; {@code {yyyy}}, {@code {MM}}, {@code {dd}} too
   */
  public record Config(
      LocalDate date,
      String inputRoot,
      String pathTemplate,
      String output,
      ProcessingSettings processing,
      boolean includeCopies,
      boolean force,
      boolean forceOutput) {

    public Config(
        LocalDate date,
        String inputRoot,
        String pathTemplate,
        String output,
        ProcessingSettings processing,
        boolean includeCopies,
        boolean force) {
      this(date, inputRoot, pathTemplate, output, processing, includeCopies, force, false);
    }

    String inputPath() {
      return pathTemplate
          .replace("{root}", inputRoot == null ? "" : inputRoot)
          .replace("{date}", date.toString())
          .replace("{yyyy}", String.format(Locale.ROOT, "%04d", date.getYear()))
          .replace("{MM}", String.format(Locale.ROOT, "%02d", date.getMonthValue()))
          .replace("{dd}", String.format(Locale.ROOT, "%02d", date.getDayOfMonth()));
    }
  }

  /** The date's input folder does not exist (yet): the scheduler may retry later. */
  public static final class NoInputException extends IOException {
    public NoInputException(String path) {
      super("no input for the date: " + path + " does not exist");
    }
  }

  /** What the run did; {@code row} is the row appended to {@code runs}. */
  public record Result(
      String runId,
      String mode,
      String status,
      long recordsRead,
      long articles,
      long hits,
      long quarantined,
      int retaggedDates,
      List<String> recovered,
      String message,
      double seconds) {
    public String render() {
      StringBuilder b = new StringBuilder();
      b.append("framelens nightly summary\n");
      b.append(String.format(Locale.ROOT, "  run id              %s%n", runId));
      b.append(String.format(Locale.ROOT, "  mode                %s%n", mode));
      b.append(String.format(Locale.ROOT, "  status              %s%n", status));
      if (!recovered.isEmpty()) {
        b.append(
            String.format(Locale.ROOT, "  finished commits    %s%n", String.join(", ", recovered)));
      }
      b.append(String.format(Locale.ROOT, "  records read        %,d%n", recordsRead));
      b.append(String.format(Locale.ROOT, "  articles written    %,d%n", articles));
      b.append(String.format(Locale.ROOT, "  frame hits          %,d%n", hits));
      b.append(String.format(Locale.ROOT, "  quarantined         %,d%n", quarantined));
      b.append(String.format(Locale.ROOT, "  other dates retagged %,d%n", retaggedDates));
      if (message != null) {
        b.append(String.format(Locale.ROOT, "  note                %s%n", message));
      }
      b.append(String.format(Locale.ROOT, "  seconds             %.1f%n", seconds));
      return b.toString();
    }
  }

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public static Result run(SparkSession spark, Config config) throws IOException {
    OutputFolder.checkWritable(
        config.output(),
        OutputFolder.Writer.NIGHTLY,
        config.forceOutput(),
        spark.sparkContext().hadoopConfiguration());
    try (WriterLock lock =
        WriterLock.acquire(
            config.output(),
            WriterLock.ownerOf("framelens nightly --date " + config.date()),
            WriterLock.DEFAULT_EXPIRY,
            spark.sparkContext().hadoopConfiguration())) {
      return runHoldingTheLock(spark, config);
    }
  }

  private static Result runHoldingTheLock(SparkSession spark, Config config) throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    String runId = RUN_ID.format(started) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String out = config.output();
    List<String> recovered = OutputCommit.recover(out, conf);
    for (String r : recovered) {
      System.out.println("nightly: finished the interrupted commit of run " + r);
    }

    PreparedProcessing prepared = PreparedProcessing.prepare(conf, config.processing());
    String lexiconVersion = prepared.lexicon().version();
    String input = config.inputPath();
    Path inputPath = new Path(input);
    if (!inputPath.getFileSystem(conf).exists(inputPath)) {
      throw new NoInputException(input);
    }
    List<InputFile> files = InputListing.list(List.of(input), conf);
    List<RunsLedger.InputDigest> digests = RunsLedger.digests(spark, files, input);
    String inputsDigest = RunsLedger.inputsDigest(digests);
    String configDigest = RunsLedger.configDigest(config, prepared.processing());
    String code = CodeVersion.get();
    RunsLedger.RunFacts facts =
        new RunsLedger.RunFacts(
            runId,
            config.date(),
            started,
            digests,
            inputsDigest,
            lexiconVersion,
            code,
            configDigest);

    NightPlanner.Plan plan =
        NightPlanner.plan(
            RunsLedger.succeededRuns(spark, out),
            new NightPlanner.Night(
                config.date(), inputsDigest, code, configDigest, lexiconVersion, config.force()));
    if (plan.mode() == NightPlanner.Mode.SKIP) {
      Result skipped =
          new Result(
              runId, "skip", "skipped", 0, 0, 0, 0, 0, recovered, plan.reason(), seconds(t0));
      RunsLedger.appendRunRow(spark, out, facts, skipped);
      return skipped;
    }
    String mode = plan.mode().label();
    OutputCommit commit = new OutputCommit(out, runId, conf);
    try {
      NightTables.Counts n = new NightTables(spark, config, prepared, commit).stage(plan, files);
      Result done =
          new Result(
              runId,
              mode,
              "succeeded",
              n.records(),
              n.articles(),
              n.hits(),
              n.quarantined(),
              n.retaggedDates(),
              recovered,
              null,
              seconds(t0));
      RunsLedger.stageRunRow(spark, commit, facts, done);
      commit.commit();
      return done;
    } catch (IOException | RuntimeException e) {
      if (!commit.abandon()) {
        // The journal exists: the staged tables and this run's row are published by the next
        // run's recovery, so no "failed" row is added for a run that will count as done.
        System.err.println(
            "nightly: publishing run "
                + runId
                + " failed after its commit journal was written; the previous tables are kept"
                + " aside and the next nightly run on this output finishes the commit");
        throw e;
      }
      Result failed =
          new Result(runId, mode, "failed", 0, 0, 0, 0, 0, recovered, e.toString(), seconds(t0));
      try {
        RunsLedger.appendRunRow(spark, out, facts, failed);
      } catch (IOException | RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}

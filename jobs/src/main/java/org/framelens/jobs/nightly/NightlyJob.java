package org.framelens.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.articles.ArticleTables;
import org.framelens.jobs.articles.StoredTextTagging;
import org.framelens.jobs.compare.ComparisonTables;
import org.framelens.jobs.compare.CoverageTable;
import org.framelens.jobs.ingest.CrawlProcessing;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.ingest.InputListing;
import org.framelens.jobs.ingest.PartitionProcessor;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.ingest.ProgressReporter;
import org.framelens.jobs.spark.CodeVersion;
import org.framelens.jobs.spark.SerializableHadoopConf;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

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
      boolean force) {

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
    NoInputException(String path) {
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

  /** One input file's identity. */
  record InputDigest(String path, long size, String sha256) implements java.io.Serializable {}

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  public static Result run(SparkSession spark, Config config) throws IOException {
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
    List<InputDigest> digests = digests(spark, files, input);
    String inputsDigest = inputsDigest(digests);
    String configDigest = configDigest(config, prepared.processing());
    String code = CodeVersion.get();
    RunFacts facts =
        new RunFacts(
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
            succeededRuns(spark, out),
            new NightPlanner.Night(
                config.date(), inputsDigest, code, configDigest, lexiconVersion, config.force()));
    if (plan.mode() == NightPlanner.Mode.SKIP) {
      Result skipped =
          new Result(
              runId, "skip", "skipped", 0, 0, 0, 0, 0, recovered, plan.reason(), seconds(t0));
      appendRunRow(spark, out, facts, skipped);
      return skipped;
    }
    String mode = plan.mode().label();
    boolean lexiconChanged = plan.retagOtherDates();

    OutputCommit commit = new OutputCommit(out, runId, conf);
    try {
      Result result =
          process(spark, config, prepared, files, commit, mode, lexiconChanged, runId, recovered);
      Result done =
          new Result(
              result.runId(),
              result.mode(),
              result.status(),
              result.recordsRead(),
              result.articles(),
              result.hits(),
              result.quarantined(),
              result.retaggedDates(),
              recovered,
              result.message(),
              seconds(t0));
      stageRunRow(spark, commit, facts, done);
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
        appendRunRow(spark, out, facts, failed);
      } catch (IOException | RuntimeException recordFailure) {
        e.addSuppressed(recordFailure);
      }
      throw e;
    }
  }

  private static Result process(
      SparkSession spark,
      Config config,
      PreparedProcessing prepared,
      List<InputFile> files,
      OutputCommit commit,
      String mode,
      boolean lexiconChanged,
      String runId,
      List<String> recovered)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String out = config.output();
    Date day = Date.valueOf(config.date());
    String partition = "crawl_date=" + config.date();
    String lexiconVersion = prepared.lexicon().version();
    ProcessingConfig processing = prepared.processing();

    Dataset<Row> liveArticles = SparkTables.readOrEmpty(spark, out, Tables.ARTICLES);
    Dataset<Row> liveHits = SparkTables.readOrEmpty(spark, out, Tables.FRAME_HITS);
    Dataset<Row> otherArticles = liveArticles.filter(col("crawl_date").notEqual(lit(day)));

    long records = 0;
    long quarantined = 0;
    Dataset<Row> processed = null;
    try {
      if (mode.equals("parse")) {
        PartitionProcessor.StageAccumulators acc =
            new PartitionProcessor.StageAccumulators(spark.sparkContext());
        processed =
            CrawlProcessing.process(spark, files, processing, new SerializableHadoopConf(conf), acc)
                .withColumn("article", col("article").withField("crawl_date", lit(day)))
                .withColumn("quarantine", col("quarantine").withField("crawl_date", lit(day)))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try (ProgressReporter progress = ProgressReporter.start(spark, acc, "nightly")) {
          records = processed.count();
        }
        ArticleTables.Derived tables =
            ArticleTables.derive(processed, lexiconVersion, acc.articles.value());
        writeStaged(commit, tables.articles(), Tables.ARTICLES, partition);
        writeStaged(commit, tables.hits(), Tables.FRAME_HITS, partition);
        Dataset<Row> q = tables.quarantine();
        writeStaged(commit, q, Tables.QUARANTINE, partition);
        quarantined = q.count();
        commit.replace(Tables.ARTICLES.name() + "/" + partition);
        commit.replace(Tables.QUARANTINE.name() + "/" + partition);
      } else {
        Dataset<Row> dayArticles = liveArticles.filter(col("crawl_date").equalTo(lit(day)));
        writeStaged(
            commit,
            StoredTextTagging.tag(dayArticles, processing, lexiconVersion),
            Tables.FRAME_HITS,
            partition);
      }
      Dataset<Row> dayArticles =
          mode.equals("parse")
              ? readStaged(spark, commit, Tables.ARTICLES)
              : liveArticles.filter(col("crawl_date").equalTo(lit(day)));
      Dataset<Row> dayHits = readStaged(spark, commit, Tables.FRAME_HITS);

      int retaggedDates = 0;
      Dataset<Row> allHits;
      if (lexiconChanged) {
        // Hits of every other stored date are retagged too: comparison tables must never mix
        // lexicon versions. Stored text makes this cheap (no document is parsed again).
        retaggedDates = (int) otherArticles.select("crawl_date").distinct().count();
        String all = commit.staging(Tables.FRAME_HITS.name() + "-all");
        StoredTextTagging.tag(otherArticles, processing, lexiconVersion)
            .unionByName(dayHits)
            .write()
            .mode(SaveMode.Overwrite)
            .partitionBy("crawl_date")
            .parquet(all);
        commit.replaceWith(Tables.FRAME_HITS.name() + "-all", Tables.FRAME_HITS.name());
        allHits = spark.read().schema(SparkTables.structType(Tables.FRAME_HITS)).parquet(all);
      } else {
        commit.replace(Tables.FRAME_HITS.name() + "/" + partition);
        allHits = liveHits.filter(col("crawl_date").notEqual(lit(day))).unionByName(dayHits);
      }
      Dataset<Row> allArticles = otherArticles.unionByName(dayArticles);
      ComparisonTables.write(
          spark,
          allArticles,
          allHits,
          commit.staging(""),
          new ArrayList<>(prepared.lexicon().frames()),
          lexiconVersion,
          config.includeCopies());
      for (TableSchema t : ComparisonTables.TABLES) {
        commit.replace(t.name());
      }
      Dataset<Row> allQuarantine = SparkTables.readOrEmpty(spark, out, Tables.QUARANTINE);
      if (mode.equals("parse")) {
        allQuarantine =
            allQuarantine
                .filter(col("crawl_date").notEqual(lit(day)))
                .unionByName(readStaged(spark, commit, Tables.QUARANTINE));
      }
      CoverageTable.write(
          spark,
          allArticles,
          allQuarantine,
          processing.outletRegistryCsv(),
          commit.staging(Tables.OUTLET_COVERAGE.name()));
      commit.replace(Tables.OUTLET_COVERAGE.name());
      return new Result(
          runId,
          mode,
          "succeeded",
          records,
          dayArticles.count(),
          dayHits.count(),
          quarantined,
          retaggedDates,
          recovered,
          null,
          0);
    } finally {
      if (processed != null) {
        processed.unpersist();
      }
    }
  }

  /**
   * Writes the date's rows of a partitioned table to staging; an empty day still gets its (empty)
   * partition folder, so publishing it removes the old partition's rows.
   */
  private static void writeStaged(
      OutputCommit commit, Dataset<Row> rows, TableSchema table, String partition)
      throws IOException {
    rows.write()
        .mode(SaveMode.Overwrite)
        .partitionBy("crawl_date")
        .parquet(commit.staging(table.name()));
    commit.ensureStaged(table.name() + "/" + partition);
    // a day without rows is still a real (empty) partition readers can open
    SparkTables.ensureParquet(
        rows.sparkSession(),
        commit.staging(table.name() + "/" + partition),
        unpartitioned(table),
        () -> null);
  }

  /** The table as it is stored inside one partition folder: without its partition column. */
  private static TableSchema unpartitioned(TableSchema table) {
    return new TableSchema(
        table.name(),
        table.rowDescription(),
        table.columns().stream().filter(c -> !table.partitionColumns().contains(c.name())).toList(),
        List.of());
  }

  private static Dataset<Row> readStaged(
      SparkSession spark, OutputCommit commit, TableSchema table) {
    return spark.read().schema(SparkTables.structType(table)).parquet(commit.staging(table.name()));
  }

  /** Content digests, computed by the executors (each file is read once, streaming). */
  static List<InputDigest> digests(SparkSession spark, List<InputFile> files, String root) {
    if (files.isEmpty()) {
      return List.of();
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    SerializableHadoopConf conf =
        new SerializableHadoopConf(spark.sparkContext().hadoopConfiguration());
    String prefix = new Path(root).toUri().getPath();
    return jsc
        .parallelize(files, Math.min(files.size(), 4 * jsc.defaultParallelism()))
        .map(
            f -> {
              Path p = new Path(f.path());
              String rel = p.toUri().getPath();
              if (rel.startsWith(prefix)) {
                rel = rel.substring(prefix.length()).replaceFirst("^/+", "");
              }
              return new InputDigest(rel, f.size(), sha256(p, conf.get()));
            })
        .collect()
        .stream()
        .sorted(java.util.Comparator.comparing(InputDigest::path))
        .toList();
  }

  private static String sha256(Path p, Configuration conf) throws IOException {
    FileSystem fs = p.getFileSystem(conf);
    return new ByteSource() {
      @Override
      public InputStream openStream() throws IOException {
        return fs.open(p);
      }
    }.hash(Hashing.sha256()).toString();
  }

  static String inputsDigest(List<InputDigest> digests) {
    Hasher h = Hashing.sha256().newHasher();
    for (InputDigest d : digests) {
      h.putString(d.path(), StandardCharsets.UTF_8)
          .putByte((byte) 0)
          .putLong(d.size())
          .putString(d.sha256(), StandardCharsets.UTF_8)
          .putByte((byte) '\n');
    }
    return h.hash().toString();
  }

  /**
   * The settings besides inputs, lexicon and code that change the tables. The languages are the
   * ones asked for: those derived from the lexicon follow it, and a lexicon change is a retag.
   */
  private static String configDigest(Config c, ProcessingConfig p) {
    return Hashing.sha256()
        .hashString(
            String.join(
                "\u0000",
                p.outletRegistryCsv() == null ? "" : p.outletRegistryCsv(),
                String.join(",", c.processing().languages()),
                Long.toString(c.processing().maxDocumentBytes()),
                Integer.toString(c.processing().maxTextChars()),
                Long.toString(c.processing().parseTimeoutMillis()),
                Boolean.toString(c.includeCopies())),
            StandardCharsets.UTF_8)
        .toString()
        .substring(0, 16);
  }

  /** The identity of a run, fixed before it processes anything. */
  private record RunFacts(
      String runId,
      LocalDate date,
      Instant started,
      List<InputDigest> inputs,
      String inputsDigest,
      String lexiconVersion,
      String codeVersion,
      String configDigest) {}

  static Dataset<Row> runs(SparkSession spark, String out) throws IOException {
    return SparkTables.readOrEmpty(spark, out, Tables.RUNS);
  }

  /** The ledger's successful runs, latest first, as the planner reads them. */
  private static List<NightPlanner.LedgerRun> succeededRuns(SparkSession spark, String out)
      throws IOException {
    // One row per run, a few short columns: small enough to collect whole.
    return runs(spark, out)
        .filter(col("status").equalTo("succeeded"))
        .orderBy(col("ended_at").desc())
        .select(
            col("run_id"),
            col("date"),
            col("inputs_digest"),
            col("code_version"),
            col("config_digest"),
            col("lexicon_version"))
        .collectAsList()
        .stream()
        .map(
            r ->
                new NightPlanner.LedgerRun(
                    r.getAs("run_id"),
                    r.<Date>getAs("date").toLocalDate(),
                    r.getAs("inputs_digest"),
                    r.getAs("code_version"),
                    r.getAs("config_digest"),
                    r.getAs("lexicon_version")))
        .toList();
  }

  private static Row runRow(RunFacts f, Result r) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode inputs = json.createArrayNode();
    long bytes = 0;
    for (InputDigest d : f.inputs()) {
      inputs.addObject().put("path", d.path()).put("size", d.size()).put("sha256", d.sha256());
      bytes += d.size();
    }
    return SparkRows.of(Tables.RUNS)
        .set("run_id", f.runId())
        .set("date", Date.valueOf(f.date()))
        .set("mode", r.mode())
        .set("status", r.status())
        .set("started_at", Timestamp.from(f.started()))
        .set("ended_at", Timestamp.from(Instant.now()))
        .set("input_files", f.inputs().size())
        .set("input_bytes", bytes)
        .set("inputs_digest", f.inputsDigest())
        .set("inputs", inputs.toString())
        .set("lexicon_version", f.lexiconVersion())
        .set("code_version", f.codeVersion())
        .set("config_digest", f.configDigest())
        .set("records_read", r.recordsRead())
        .set("articles", r.articles())
        .set("frame_hits", r.hits())
        .set("quarantined", r.quarantined())
        .set("retagged_dates", r.retaggedDates())
        .set("message", r.message())
        .build();
  }

  /** The run row goes out with the run's tables: one commit publishes both. */
  private static void stageRunRow(SparkSession spark, OutputCommit commit, RunFacts f, Result r)
      throws IOException {
    String dir = commit.staging("run-row");
    spark
        .createDataFrame(List.of(runRow(f, r)), SparkTables.structType(Tables.RUNS))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(dir);
    commit.replaceWith(
        "run-row/" + commit.singlePartFile("run-row"),
        Tables.RUNS.name() + "/" + f.runId() + ".parquet");
  }

  /** For runs that publish nothing else (skipped, failed): the row alone, by one rename. */
  private static void appendRunRow(SparkSession spark, String out, RunFacts f, Result r)
      throws IOException {
    OutputCommit c =
        new OutputCommit(out, f.runId() + "-row", spark.sparkContext().hadoopConfiguration());
    stageRunRow(spark, c, f, r);
    c.commit();
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}

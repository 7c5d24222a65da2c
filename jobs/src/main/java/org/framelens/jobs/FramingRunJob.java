package org.framelens.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.common.schema.Tables;

/**
 * {@code run}: reads every input (WARC files and document folders), parses, detects language, tags
 * frames and writes articles, frame_hits, outlet_frames and quarantine under the output folder.
 */
public final class FramingRunJob {
  private FramingRunJob() {}

  public static RunSummary run(SparkSession spark, RunConfig config) throws IOException {
    long start = System.nanoTime();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    Prepared prepared =
        prepare(
            hadoopConf,
            config.lexicon(),
            config.outlets(),
            config.languages(),
            config.maxDocumentBytes(),
            config.maxTextChars(),
            config.parseTimeoutMillis());
    Lexicon lexicon = prepared.lexicon();
    ProcessingConfig processing = prepared.processing();
    double prepareSeconds = (System.nanoTime() - start) / 1e9;

    long planStart = System.nanoTime();
    List<InputFile> files = InputListing.list(config.inputs(), hadoopConf);
    PartitionProcessor.StageAccumulators acc =
        new PartitionProcessor.StageAccumulators(spark.sparkContext());
    List<String> notes = new ArrayList<>();
    Dataset<Row> processed =
        process(spark, files, processing, new SerializableHadoopConf(hadoopConf), acc, notes::add)
            .persist(StorageLevel.MEMORY_AND_DISK());
    double planSeconds = (System.nanoTime() - planStart) / 1e9;
    try {
      long processStart = System.nanoTime();
      long records;
      try (ProgressReporter progress = ProgressReporter.start(spark, acc, "run")) {
        records = processed.count();
      }
      double processSeconds = (System.nanoTime() - processStart) / 1e9;
      notes.add(taskTimes(acc));

      Dataset<Row> kept =
          latestPerUrlAndCrawlDate(processed.filter(col("kind").equalTo(ProcessedRows.ARTICLE)));
      long dedupStart = System.nanoTime();
      // computes the near-duplicate marks eagerly
      Dataset<Row> articles = articles(kept, acc.articles.value());
      double dedupSeconds = (System.nanoTime() - dedupStart) / 1e9;
      Dataset<Row> hits = hits(kept, lexicon.version());
      Dataset<Row> quarantine = quarantine(processed);

      long writeStart = System.nanoTime();
      String out = config.output();
      write(articles, out, Tables.ARTICLES.name(), Tables.ARTICLES.partitionColumns());
      write(hits, out, Tables.FRAME_HITS.name(), Tables.FRAME_HITS.partitionColumns());
      write(quarantine.coalesce(1), out, Tables.QUARANTINE.name(), List.of());
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

      long compareStart = System.nanoTime();
      writeComparisons(
          spark, out, new ArrayList<>(lexicon.frames()), lexicon.version(), config.includeCopies());
      double compareSeconds = (System.nanoTime() - compareStart) / 1e9;

      long countStart = System.nanoTime();
      Outcomes outcomes = Outcomes.of(processed);
      // declared schemas: inferring them would cost a job each (and fails on an empty table)
      long written =
          spark
              .read()
              .schema(SparkTables.structType(Tables.ARTICLES))
              .parquet(out + "/" + Tables.ARTICLES.name())
              .count();
      long hitRows =
          spark
              .read()
              .schema(SparkTables.structType(Tables.FRAME_HITS))
              .parquet(out + "/" + Tables.FRAME_HITS.name())
              .count();
      double countSeconds = (System.nanoTime() - countStart) / 1e9;
      Map<String, Double> stages = new LinkedHashMap<>();
      stages.put("prepare (lexicon, Lingua)", prepareSeconds);
      stages.put("plan (list, split inputs)", planSeconds);
      stages.put("process (wall)", processSeconds);
      stages.put("  read (task time)", acc.readNanos.value() / 1e9);
      stages.put("  parse (task time)", acc.parseNanos.value() / 1e9);
      stages.put("  detect (task time)", acc.detectNanos.value() / 1e9);
      stages.put("  tag (task time)", acc.tagNanos.value() / 1e9);
      stages.put("  sketch (task time)", acc.sketchNanos.value() / 1e9);
      stages.put("near-duplicates (wall)", dedupSeconds);
      stages.put("write articles, hits (wall)", writeSeconds);
      stages.put("comparison tables (wall)", compareSeconds);
      stages.put("count outcomes (wall)", countSeconds);
      RunSummary summary =
          new RunSummary(
              records,
              written,
              hitRows,
              outcomes.skipped(),
              outcomes.quarantined(),
              outcomes.articleRows() - written,
              lexicon.version(),
              (System.nanoTime() - start) / 1e9,
              stages,
              notes);
      writeText(out + "/_framelens_summary.txt", summary.render(), hadoopConf);
      return summary;
    } finally {
      processed.unpersist();
    }
  }

  /** The processing tasks' wall times, as the summary shows them. */
  static String taskTimes(PartitionProcessor.StageAccumulators acc) {
    List<Long> millis = new ArrayList<>(acc.taskMillis.value());
    millis.sort(null);
    StringBuilder b = new StringBuilder("process task seconds:");
    for (long m : millis) {
      b.append(String.format(java.util.Locale.ROOT, " %.1f", m / 1000.0));
    }
    return b.toString();
  }

  /**
   * What became of the records, from the processing pass in one Spark job: skips by reason,
   * quarantined records by stage (articles cut at the text limit count under "limit", as the
   * quarantine table lists them) and article rows.
   */
  record Outcomes(Map<String, Long> skipped, Map<String, Long> quarantined, long articleRows) {
    static Outcomes of(Dataset<Row> processed) {
      Map<String, Long> skipped = new TreeMap<>();
      Map<String, Long> quarantined = new TreeMap<>();
      long articles = 0;
      for (Row r :
          processed
              .groupBy(
                  col("kind"),
                  col("skip_reason"),
                  col("quarantine.stage").as("stage"),
                  col("article.text_truncated").as("truncated"))
              .count()
              .collectAsList()) {
        String kind = r.getString(0);
        long n = r.getLong(4);
        if (kind.equals(ProcessedRows.SKIPPED)) {
          skipped.merge(r.isNullAt(1) ? "(none)" : r.getString(1), n, Long::sum);
        } else if (kind.equals(ProcessedRows.QUARANTINED)) {
          quarantined.merge(r.isNullAt(2) ? "(none)" : r.getString(2), n, Long::sum);
        } else if (kind.equals(ProcessedRows.ARTICLE)) {
          articles += n;
          if (!r.isNullAt(3) && r.getBoolean(3)) {
            quarantined.merge("limit", n, Long::sum);
          }
        }
      }
      return new Outcomes(skipped, quarantined, articles);
    }
  }

  /**
   * Starts {@link #prepare} on a daemon thread with a default Hadoop configuration, so that the
   * lexicon is compiled and Lingua's models load while the Spark session starts; the run's own
   * {@code prepare} then finds the resources built (or waits for them). Only when the lexicon and
   * registry are local files or bundled (a remote path may need the session's Hadoop settings); any
   * failure is left for the run's own {@code prepare} to report.
   */
  static void prepareInBackground(RunConfig config) {
    if (!isLocal(config.lexicon()) || !isLocal(config.outlets())) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                prepare(
                    new Configuration(),
                    config.lexicon(),
                    config.outlets(),
                    config.languages(),
                    config.maxDocumentBytes(),
                    config.maxTextChars(),
                    config.parseTimeoutMillis());
              } catch (IOException | RuntimeException e) {
                // reported by the run's own prepare, with the session's configuration
              }
            },
            "framelens-prepare");
    t.setDaemon(true);
    t.start();
  }

  private static boolean isLocal(String path) {
    return path == null || !path.contains(":") || path.startsWith("file:");
  }

  /** The validated lexicon and what executors build their resources from. */
  record Prepared(Lexicon lexicon, ProcessingConfig processing) {}

  /**
   * Reads and validates the lexicon, outlet registry and languages on the driver, so a bad file
   * fails before any task starts.
   */
  static Prepared prepare(
      Configuration hadoopConf,
      String lexiconPath,
      String outletsPath,
      List<String> languages,
      long maxDocumentBytes,
      int maxTextChars,
      long parseTimeoutMillis)
      throws IOException {
    String lexiconText =
        lexiconPath == null ? Lexicon.defaultText() : readText(lexiconPath, hadoopConf);
    String lexiconSource = lexiconPath == null ? "(bundled default lexicon)" : lexiconPath;
    Lexicon lexicon = Lexicon.parse(lexiconText, lexiconSource);
    String outletsCsv = outletsPath == null ? null : readText(outletsPath, hadoopConf);
    ProcessingConfig processing =
        new ProcessingConfig(
            lexiconText,
            lexiconSource,
            outletsCsv,
            languages.isEmpty() ? ProcessingResources.defaultDetectLanguages(lexicon) : languages,
            maxDocumentBytes,
            maxTextChars,
            parseTimeoutMillis);
    ProcessingResources.forConfig(processing);
    return new Prepared(lexicon, processing);
  }

  /** One row per input record; see {@link ProcessedRows}. */
  static Dataset<Row> process(
      SparkSession spark,
      List<InputFile> files,
      ProcessingConfig processing,
      SerializableHadoopConf hadoopConf,
      PartitionProcessor.StageAccumulators acc) {
    return process(spark, files, processing, hadoopConf, acc, plan -> {});
  }

  /** As above; {@code planSink} receives a line describing the tasks planned. */
  static Dataset<Row> process(
      SparkSession spark,
      List<InputFile> files,
      ProcessingConfig processing,
      SerializableHadoopConf hadoopConf,
      PartitionProcessor.StageAccumulators acc,
      java.util.function.Consumer<String> planSink) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int cores = jsc.defaultParallelism();
    long totalBytes = files.stream().mapToLong(InputFile::bytes).sum();
    String fixed = spark.conf().get(InputSplitting.SPLIT_BYTES_KEY, null);
    long splitBytes =
        fixed != null ? Long.parseLong(fixed) : InputSplitting.splitBytes(totalBytes, cores);
    List<InputFile> inputs;
    try {
      inputs = InputSplitting.split(files, splitBytes, hadoopConf.get());
    } catch (IOException e) {
      inputs = files;
    }
    int tasks =
        (int)
            Math.max(
                (long) InputSplitting.TASKS_PER_CORE * cores,
                splitBytes > 0 ? (totalBytes + splitBytes - 1) / splitBytes : inputs.size());
    List<List<InputFile>> groups = InputSplitting.pack(inputs, tasks);
    planSink.accept(
        String.format(
            java.util.Locale.ROOT,
            "process plan: %,d files, %.1f MB, split size %.1f MB -> %d inputs in %d tasks on %d"
                + " cores",
            files.size(),
            totalBytes / 1e6,
            splitBytes / 1e6,
            inputs.size(),
            groups.size(),
            cores));
    JavaRDD<Row> rows =
        jsc.parallelize(groups, Math.max(1, groups.size()))
            .mapPartitions(
                it -> new PartitionProcessor(flatten(it), processing, hadoopConf.get(), acc));
    return spark.createDataFrame(rows, ProcessedRows.SCHEMA);
  }

  private static java.util.Iterator<InputFile> flatten(java.util.Iterator<List<InputFile>> groups) {
    return com.google.common.collect.Iterators.concat(
        com.google.common.collect.Iterators.transform(groups, List::iterator));
  }

  /** A URL fetched twice in one crawl day keeps its latest fetch. */
  static Dataset<Row> latestPerUrlAndCrawlDate(Dataset<Row> articleRows) {
    return articleRows
        .withColumn(
            "_rank",
            row_number()
                .over(
                    Window.partitionBy(col("article.url"), col("article.crawl_date"))
                        .orderBy(
                            desc("article.crawl_time"),
                            col("article.source_file"),
                            col("article.source_offset"))))
        .filter(col("_rank").equalTo(1))
        .drop("_rank");
  }

  static Dataset<Row> articles(Dataset<Row> kept) {
    return articles(kept, -1);
  }

  /**
   * The articles table of the kept rows, near-duplicates marked; {@code articlesAtMost} bounds
   * their number (-1: unknown, counted first).
   */
  static Dataset<Row> articles(Dataset<Row> kept, long articlesAtMost) {
    return SparkTables.conform(Syndication.mark(kept, articlesAtMost), Tables.ARTICLES);
  }

  /** Computes and writes outlet_frames, outlet_pairs, frame_terms and story_frames. */
  static void writeComparisons(
      SparkSession spark,
      String out,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    // declared schemas: inferring them from the files would cost a Spark job per table
    Dataset<Row> articles =
        spark
            .read()
            .schema(SparkTables.structType(Tables.ARTICLES))
            .parquet(out + "/" + Tables.ARTICLES.name());
    Dataset<Row> hits =
        spark
            .read()
            .schema(SparkTables.structType(Tables.FRAME_HITS))
            .parquet(out + "/" + Tables.FRAME_HITS.name());
    writeComparisons(spark, articles, hits, out, frames, lexiconVersion, includeCopies);
  }

  /** Computes the comparison tables from the given articles and hits and writes them under out. */
  static void writeComparisons(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> hits,
      String out,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    Comparisons.Result r =
        Comparisons.compute(spark, articles, hits, frames, lexiconVersion, includeCopies);
    try {
      writeTables(spark, r, out);
    } finally {
      r.release();
    }
  }

  /**
   * Writes the four tables as concurrent Spark jobs: each ends in one task that writes one file, so
   * one after the other they would leave all cores but one idle.
   */
  private static void writeTables(SparkSession spark, Comparisons.Result r, String out) {
    // built in the writer threads: the driver-side steps some tables need (the run's prior, the
    // story links) run alongside the other tables' jobs
    Map<String, Supplier<Dataset<Row>>> tables = new LinkedHashMap<>();
    tables.put(Tables.OUTLET_PAIRS.name(), r::outletPairs);
    tables.put(Tables.OUTLET_FRAMES.name(), r::outletFrames);
    tables.put(Tables.FRAME_TERMS.name(), r::frameTerms);
    tables.put(Tables.STORY_FRAMES.name(), r::storyFrames);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            tables.size(),
            task -> {
              Thread t = new Thread(task, "framelens-table-writer");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> writes = new ArrayList<>();
      tables.forEach(
          (name, ds) ->
              writes.add(
                  pool.submit(
                      () -> {
                        // names the jobs in the Spark UI and logs (all would show this lambda)
                        spark.sparkContext().setCallSite("write " + name);
                        write(ds.get().coalesce(1), out, name, List.of());
                      })));
      RuntimeException failure = null;
      for (Future<?> w : writes) {
        try {
          w.get();
        } catch (ExecutionException e) {
          RuntimeException cause =
              e.getCause() instanceof RuntimeException re ? re : new RuntimeException(e.getCause());
          if (failure == null) {
            failure = cause;
          } else {
            failure.addSuppressed(cause);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing the comparison tables", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  static Dataset<Row> hits(Dataset<Row> kept, String lexiconVersion) {
    Dataset<Row> exploded = kept.select(col("article"), explode(col("hits")).as("hit"));
    List<Column> cols = new ArrayList<>();
    for (String name : Tables.FRAME_HITS.columnNames()) {
      if (name.equals("lexicon_version")) {
        cols.add(org.apache.spark.sql.functions.lit(lexiconVersion).as(name));
      } else {
        cols.add(
            ProcessedRows.HIT_FIELDS.contains(name)
                ? col("hit." + name).as(name)
                : col("article." + name).as(name));
      }
    }
    return SparkTables.conform(exploded.select(cols.toArray(new Column[0])), Tables.FRAME_HITS);
  }

  /**
   * Records that failed a stage, and articles kept but cut at the maximum text length (a limit hit
   * is always recorded, even when the article survives).
   */
  static Dataset<Row> quarantine(Dataset<Row> processed) {
    Dataset<Row> failed =
        SparkTables.conform(
            processed.filter(col("kind").equalTo(ProcessedRows.QUARANTINED)).select("quarantine.*"),
            Tables.QUARANTINE);
    Dataset<Row> cut =
        processed
            .filter(
                col("kind")
                    .equalTo(ProcessedRows.ARTICLE)
                    .and(col("article.text_truncated").equalTo(true)))
            .select(
                col("article.source_file").as("source_file"),
                col("article.source_offset").as("source_offset"),
                col("article.url").as("url"),
                org.apache.spark.sql.functions.lit("limit").as("stage"),
                org.apache.spark.sql.functions.lit("text_truncated").as("error_class"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .concat(
                        org.apache.spark.sql.functions.lit("text cut at "),
                        col("article.text_chars").cast("string"),
                        org.apache.spark.sql.functions.lit(
                            " characters (--max-text-chars); the article is kept with"
                                + " text_truncated = true"))
                    .as("message"),
                col("article.crawl_date").as("crawl_date"));
    return failed.unionByName(SparkTables.conform(cut, Tables.QUARANTINE));
  }

  static void write(Dataset<Row> ds, String out, String table, List<String> partitionBy) {
    var writer = ds.write().mode(SaveMode.Overwrite).option("compression", "snappy");
    if (!partitionBy.isEmpty()) {
      writer = writer.partitionBy(partitionBy.toArray(new String[0]));
    }
    writer.parquet(out + "/" + table);
  }

  static String readText(String path, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    try (InputStream in = fs.open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void writeText(String path, String text, Configuration conf) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    try (OutputStream o = fs.create(p, true)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

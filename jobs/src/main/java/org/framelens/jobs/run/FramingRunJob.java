package org.framelens.jobs.run;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.input.InputFiles;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.articles.ArticleTables;
import org.framelens.jobs.compare.ComparisonTables;
import org.framelens.jobs.compare.CoverageTable;
import org.framelens.jobs.ingest.CrawlProcessing;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.ingest.InputListing;
import org.framelens.jobs.ingest.PartitionProcessor;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.ingest.ProgressReporter;
import org.framelens.jobs.nightly.CrashPoints;
import org.framelens.jobs.nightly.OutputCommit;
import org.framelens.jobs.nightly.OutputFolder;
import org.framelens.jobs.nightly.WriterLock;
import org.framelens.jobs.spark.HadoopText;
import org.framelens.jobs.spark.SerializableHadoopConf;
import org.framelens.jobs.spark.SparkTables;

/**
 * {@code run}: reads every input (WARC files and document folders), parses, detects language, tags
 * frames and writes articles, frame_hits, quarantine, outlet_coverage and the comparison tables
 * under the output folder.
 */
public final class FramingRunJob {
  private FramingRunJob() {}

  /** Every folder and file a run publishes, replaced as one unit. */
  static final List<String> PUBLISHED = published();

  private static List<String> published() {
    List<String> names = new ArrayList<>();
    for (TableSchema t :
        List.of(Tables.ARTICLES, Tables.FRAME_HITS, Tables.QUARANTINE, Tables.OUTLET_COVERAGE)) {
      names.add(t.name());
    }
    for (TableSchema t : ComparisonTables.TABLES) {
      names.add(t.name());
    }
    names.add(OutputFolder.RUN_SUMMARY);
    return List.copyOf(names);
  }

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * Checks the output may be written (a framelens output or a new or empty folder, not a nightly
   * store), takes its writer lease, finishes a publish an earlier run left unfinished, then writes
   * every table to a staging folder and publishes them all through {@link OutputCommit}: a reader
   * (or a crash) never finds new articles beside an older run's hits.
   */
  public static RunSummary run(SparkSession spark, RunConfig config) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    OutputFolder.checkWritable(
        config.output(), OutputFolder.Writer.RUN, config.forceOutput(), conf);
    try (WriterLock lock =
        WriterLock.acquire(
            config.output(),
            WriterLock.ownerOf("framelens run"),
            WriterLock.DEFAULT_EXPIRY,
            conf)) {
      for (String r : OutputCommit.recover(config.output(), conf)) {
        System.out.println("run: finished the interrupted commit of run " + r);
      }
      String runId =
          RUN_ID.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8);
      OutputCommit commit = new OutputCommit(config.output(), runId, conf);
      try {
        RunSummary summary = runInto(spark, config, commit.staging(""));
        for (String name : PUBLISHED) {
          commit.replace(name);
        }
        commit.commit();
        return summary;
      } catch (IOException | RuntimeException e) {
        if (!commit.abandon()) {
          System.err.println(
              "run: publishing run "
                  + runId
                  + " failed after its commit journal was written; the next run (or nightly)"
                  + " on this output finishes the publish");
        }
        throw e;
      }
    }
  }

  /** The run, its tables written under {@code out} (the staging folder). */
  private static RunSummary runInto(SparkSession spark, RunConfig config, String out)
      throws IOException {
    long start = System.nanoTime();
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    PreparedProcessing prepared = PreparedProcessing.prepare(hadoopConf, config.processing());
    Lexicon lexicon = prepared.lexicon();
    ProcessingConfig processing = prepared.processing();
    double prepareSeconds = (System.nanoTime() - start) / 1e9;

    long planStart = System.nanoTime();
    List<InputFile> files = InputListing.list(config.inputs(), hadoopConf);
    PartitionProcessor.StageAccumulators acc =
        new PartitionProcessor.StageAccumulators(spark.sparkContext());
    List<String> notes = new ArrayList<>();
    String links = InputListing.skippedLinksNote(files);
    if (links != null) {
      notes.add(links);
    }
    Dataset<Row> processed =
        CrawlProcessing.process(
                spark, files, processing, new SerializableHadoopConf(hadoopConf), acc, notes::add)
            .persist(StorageLevel.MEMORY_AND_DISK());
    double planSeconds = (System.nanoTime() - planStart) / 1e9;
    try {
      long processStart = System.nanoTime();
      // the job that materializes the pass also counts what became of every record
      Outcomes outcomes;
      try (ProgressReporter progress = ProgressReporter.start(spark, acc, "run")) {
        outcomes = Outcomes.of(processed);
      }
      double processSeconds = (System.nanoTime() - processStart) / 1e9;
      notes.add(CrawlProcessing.taskTimes(acc));

      long dedupStart = System.nanoTime();
      // decides the kept fetches and the near-duplicate marks eagerly
      ArticleTables.Derived tables =
          ArticleTables.derive(
              processed,
              lexicon.version(),
              config.processing().nearDuplicateWindow(),
              outcomes.articleRows());
      double dedupSeconds = (System.nanoTime() - dedupStart) / 1e9;

      long writeStart = System.nanoTime();
      // a run without hits (or articles) still leaves real, empty tables, under this date
      LocalDate firstDay =
          outcomes.firstArticleDate() != null
              ? outcomes.firstArticleDate()
              : LocalDate.now(ZoneOffset.UTC);
      ArticleTables.KeptArticles kept = tables.kept();
      SparkTables.write(tables.articles(), out, Tables.ARTICLES);
      CrashPoints.reach("staged:articles");
      // known empty tables get their schema-only file below, without a Spark job of their own
      if (kept == null || kept.hitRows() > 0) {
        SparkTables.write(tables.hits(), out, Tables.FRAME_HITS);
      } else {
        SparkTables.delete(spark, out, Tables.FRAME_HITS);
      }
      if (outcomes.quarantineRows() > 0) {
        SparkTables.write(
            ArticleTables.datedQuarantine(tables.quarantine(), outcomes.fileDates(), firstDay)
                .coalesce(1),
            out,
            Tables.QUARANTINE);
      } else {
        SparkTables.delete(spark, out, Tables.QUARANTINE);
      }
      for (var t : List.of(Tables.ARTICLES, Tables.FRAME_HITS, Tables.QUARANTINE)) {
        SparkTables.ensureParquet(spark, out + "/" + t.name(), t, () -> firstDay);
      }
      Dataset<Row> quarantineTable =
          outcomes.quarantineRows() > 0 ? SparkTables.read(spark, out, Tables.QUARANTINE) : null;
      CoverageTable.write(
          kept != null
              ? CoverageTable.compute(
                  spark, kept.byDay(), quarantineTable, processing.outletRegistryCsv())
              : CoverageTable.compute(
                  spark,
                  SparkTables.read(spark, out, Tables.ARTICLES),
                  quarantineTable,
                  processing.outletRegistryCsv()),
          out + "/" + Tables.OUTLET_COVERAGE.name());
      SparkTables.ensureParquet(
          spark, out + "/" + Tables.OUTLET_COVERAGE.name(), Tables.OUTLET_COVERAGE, () -> firstDay);
      CrashPoints.reach("staged:outlet_coverage");
      double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

      long compareStart = System.nanoTime();
      ComparisonTables.write(
          spark, out, new ArrayList<>(lexicon.frames()), lexicon.version(), config.includeCopies());
      CrashPoints.reach("staged:comparisons");
      double compareSeconds = (System.nanoTime() - compareStart) / 1e9;

      long countStart = System.nanoTime();
      // known from the driver's decision when it was taken there; else counted in the tables
      // (declared schemas: inferring them would cost a job each, and fails on an empty table)
      long written =
          kept != null ? kept.articles() : SparkTables.read(spark, out, Tables.ARTICLES).count();
      long hitRows =
          kept != null ? kept.hitRows() : SparkTables.read(spark, out, Tables.FRAME_HITS).count();
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
      if (kept == null) {
        stages.put("count written rows (wall)", countSeconds);
      }
      RunSummary summary =
          new RunSummary(
              outcomes.records(),
              written,
              hitRows,
              outcomes.skipped(),
              outcomes.quarantined(),
              outcomes.articleRows() - written,
              lexicon.version(),
              (System.nanoTime() - start) / 1e9,
              stages,
              filesByKind(files, outcomes.unsupportedFiles()),
              outcomes.recordsByFileKind(),
              notes);
      HadoopText.write(out + "/" + OutputFolder.RUN_SUMMARY, summary.render(), hadoopConf);
      return summary;
    } finally {
      processed.unpersist();
    }
  }

  /**
   * Input files by kind: warc, arc, document, and unsupported (a file that is neither a crawl nor a
   * document any parser reads: its quarantine row says unsupported_file).
   */
  static Map<String, Long> filesByKind(List<InputFile> files, long unsupported) {
    Map<String, Long> kinds = new TreeMap<>();
    for (String k : List.of("warc", "arc", "document")) {
      kinds.put(k, 0L);
    }
    for (InputFile f : files) {
      kinds.merge(InputFiles.kind(f.path()), 1L, Long::sum);
    }
    kinds.put("document", kinds.get("document") - unsupported);
    kinds.put("unsupported", unsupported);
    return kinds;
  }
}

package org.framelens.jobs.retag;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.articles.ArticleTables;
import org.framelens.jobs.articles.StoredTextTagging;
import org.framelens.jobs.compare.ComparisonTables;
import org.framelens.jobs.ingest.PreparedProcessing;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.nightly.OutputFolder;
import org.framelens.jobs.nightly.WriterLock;
import org.framelens.jobs.spark.SparkTables;

/**
 * {@code retag}: tags the stored article text again with another lexicon and rewrites {@code
 * frame_hits} and {@code outlet_frames}, without reading or parsing any document.
 */
public final class RetagJob {
  private RetagJob() {}

  /**
   * Options of {@code retag}.
   *
   * @param processing only the lexicon and languages are used: the stored articles keep their
   *     outlets, texts and limits
   */
  public record Config(String output, ProcessingSettings processing, boolean includeCopies) {}

  /** What a retag did. */
  public record Summary(
      long articles,
      long hits,
      String lexiconVersion,
      double seconds,
      double tagAndWriteSeconds,
      double comparisonSeconds) {
    public String render() {
      return String.format(
          Locale.ROOT,
          "framelens retag summary%n  articles retagged   %,d%n  frame hits          %,d%n"
              + "  lexicon version     %s%n  seconds             %.1f%n"
              + "    tag, write hits (wall)   %.1f%n    comparison tables (wall) %.1f%n",
          articles,
          hits,
          lexiconVersion,
          seconds,
          tagAndWriteSeconds,
          comparisonSeconds);
    }
  }

  public static Summary run(SparkSession spark, Config config) throws IOException {
    var conf = spark.sparkContext().hadoopConfiguration();
    refuseNightlyStore(spark, config.output());
    OutputFolder.checkIsOutput(config.output(), conf);
    try (WriterLock lock =
        WriterLock.acquire(
            config.output(),
            WriterLock.ownerOf("framelens retag"),
            WriterLock.DEFAULT_EXPIRY,
            conf)) {
      OutputFolder.checkReadable(config.output(), conf);
      return runHoldingTheLock(spark, config);
    }
  }

  private static Summary runHoldingTheLock(SparkSession spark, Config config) throws IOException {
    long start = System.nanoTime();
    PreparedProcessing prepared =
        PreparedProcessing.prepare(spark.sparkContext().hadoopConfiguration(), config.processing());
    Lexicon lexicon = prepared.lexicon();
    Dataset<Row> articles = SparkTables.read(spark, config.output(), Tables.ARTICLES);
    long tagStart = System.nanoTime();
    // counted while tagging: counting the tables afterwards would cost two more Spark jobs
    LongAccumulator articlesTagged = spark.sparkContext().longAccumulator("articles retagged");
    LongAccumulator hitsFound = spark.sparkContext().longAccumulator("frame hits");
    Dataset<Row> hits =
        StoredTextTagging.tag(
            articles, prepared.processing(), lexicon.version(), articlesTagged, hitsFound);
    String hitsPath = config.output() + "/" + Tables.FRAME_HITS.name();
    SparkTables.write(hits, config.output(), Tables.FRAME_HITS);
    // no hits at all (a new lexicon, a quiet crawl): still a real, empty table
    SparkTables.ensureParquet(
        spark,
        hitsPath,
        Tables.FRAME_HITS,
        () -> ArticleTables.firstCrawlDate(articles, "crawl_date"));
    double tagSeconds = (System.nanoTime() - tagStart) / 1e9;
    long compareStart = System.nanoTime();
    ComparisonTables.write(
        spark,
        config.output(),
        new ArrayList<>(lexicon.frames()),
        lexicon.version(),
        config.includeCopies());
    double compareSeconds = (System.nanoTime() - compareStart) / 1e9;
    Summary s =
        new Summary(
            articlesTagged.value(),
            hitsFound.value(),
            lexicon.version(),
            (System.nanoTime() - start) / 1e9,
            tagSeconds,
            compareSeconds);
    return s;
  }

  /**
   * A nightly store decides every night from its {@code runs} ledger which lexicon its tables are
   * published with; a retag outside the ledger would leave the next night deciding from a lexicon
   * that is no longer published. Its lexicon is changed through {@code nightly} instead.
   */
  static void refuseNightlyStore(SparkSession spark, String output) throws IOException {
    Path runs = new Path(output, Tables.RUNS.name());
    if (runs.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(runs)) {
      throw new IllegalArgumentException(
          output
              + " is a nightly store (it has a runs ledger): retag would change its tables"
              + " without the ledger knowing. Change its lexicon with `framelens nightly --date"
              + " <any processed date> --lexicon <new lexicon> ...`: the night retags the stored"
              + " text of every date (no document is parsed again) and records it in runs.");
    }
  }
}

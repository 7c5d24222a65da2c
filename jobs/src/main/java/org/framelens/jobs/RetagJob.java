package org.framelens.jobs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.common.schema.Tables;

/**
 * {@code retag}: tags the stored article text again with another lexicon and rewrites {@code
 * frame_hits} and {@code outlet_frames}, without reading or parsing any document.
 */
public final class RetagJob {
  private RetagJob() {}

  /** Options of {@code retag}. */
  public record Config(
      String output, String lexicon, List<String> languages, boolean includeCopies) {}

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

  private static final ThreadLocal<Map<ProcessingConfig, FrameTagger>> TAGGERS =
      ThreadLocal.withInitial(HashMap::new);

  public static Summary run(SparkSession spark, Config config) throws IOException {
    long start = System.nanoTime();
    var hadoopConf = spark.sparkContext().hadoopConfiguration();
    String lexiconText =
        config.lexicon() == null
            ? Lexicon.defaultText()
            : FramingRunJob.readText(config.lexicon(), hadoopConf);
    Lexicon lexicon =
        Lexicon.parse(lexiconText, config.lexicon() == null ? "(bundled)" : config.lexicon());
    ProcessingConfig processing =
        new ProcessingConfig(
            lexiconText,
            config.lexicon() == null ? "(bundled)" : config.lexicon(),
            null,
            config.languages().isEmpty()
                ? ProcessingResources.defaultDetectLanguages(lexicon)
                : config.languages(),
            ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
            ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
            ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS);
    ProcessingResources.forConfig(processing);

    Dataset<Row> articles =
        spark
            .read()
            .schema(SparkTables.structType(Tables.ARTICLES))
            .parquet(config.output() + "/" + Tables.ARTICLES.name());
    long tagStart = System.nanoTime();
    // counted while tagging: counting the tables afterwards would cost two more Spark jobs
    LongAccumulator articlesTagged = spark.sparkContext().longAccumulator("articles retagged");
    LongAccumulator hitsFound = spark.sparkContext().longAccumulator("frame hits");
    Dataset<Row> hits = tag(articles, processing, lexicon.version(), articlesTagged, hitsFound);
    String hitsPath = config.output() + "/" + Tables.FRAME_HITS.name();
    hits.write()
        .mode(SaveMode.Overwrite)
        .partitionBy(Tables.FRAME_HITS.partitionColumns().toArray(new String[0]))
        .parquet(hitsPath);
    // no hits at all (a new lexicon, a quiet crawl): still a real, empty table
    SparkTables.ensureParquet(spark, hitsPath, Tables.FRAME_HITS, () -> firstCrawlDate(articles));
    double tagSeconds = (System.nanoTime() - tagStart) / 1e9;
    long compareStart = System.nanoTime();
    FramingRunJob.writeComparisons(
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

  /** Hits of every article for the lexicon in {@code processing} (no I/O). */
  static Dataset<Row> tag(
      Dataset<Row> articles, ProcessingConfig processing, String lexiconVersion) {
    return tag(articles, processing, lexiconVersion, null, null);
  }

  /**
   * As {@link #tag(Dataset, ProcessingConfig, String)}, counting articles and hits into the
   * accumulators (when not null); the counts are exact when the result is written by one action.
   */
  static Dataset<Row> tag(
      Dataset<Row> articles,
      ProcessingConfig processing,
      String lexiconVersion,
      LongAccumulator articlesTagged,
      LongAccumulator hitsFound) {
    StructType hitType = SparkTables.structType(Tables.FRAME_HITS);
    Dataset<Row> input =
        articles.select(
            "article_id", "outlet", "lang", "title", "text", "published_at", "crawl_date");
    MapPartitionsFunction<Row, Row> fn =
        rows ->
            new HitIterator(rows, tagger(processing), lexiconVersion, articlesTagged, hitsFound);
    return input.mapPartitions(fn, ExpressionEncoder.apply(hitType));
  }

  private static FrameTagger tagger(ProcessingConfig config) {
    return TAGGERS
        .get()
        .computeIfAbsent(
            config,
            c -> {
              ProcessingResources r = ProcessingResources.forConfig(c);
              return new FrameTagger(r.lexicon(), r.languages());
            });
  }

  /** Lazily turns article rows into hit rows. */
  private static final class HitIterator implements Iterator<Row> {
    private final Iterator<Row> articles;
    private final FrameTagger tagger;
    private final String lexiconVersion;
    private final LongAccumulator articlesTagged;
    private final LongAccumulator hitsFound;
    private Iterator<Row> current = Collections.emptyIterator();

    HitIterator(
        Iterator<Row> articles,
        FrameTagger tagger,
        String lexiconVersion,
        LongAccumulator articlesTagged,
        LongAccumulator hitsFound) {
      this.articles = articles;
      this.tagger = tagger;
      this.lexiconVersion = lexiconVersion;
      this.articlesTagged = articlesTagged;
      this.hitsFound = hitsFound;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && articles.hasNext()) {
        Row a = articles.next();
        String text = a.isNullAt(4) ? "" : a.getString(4);
        List<String> paragraphs = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        List<Row> rows = new ArrayList<>();
        for (FrameHit h : tagger.tag(a.getString(3), paragraphs, a.getString(2)).allHits()) {
          rows.add(
              RowFactory.create(
                  a.getString(0),
                  a.getString(1),
                  h.lang(),
                  h.frame(),
                  h.term(),
                  h.matchedText(),
                  h.section(),
                  h.start(),
                  h.end(),
                  h.voice(),
                  h.snippet(),
                  a.get(5),
                  lexiconVersion,
                  a.get(6)));
        }
        if (articlesTagged != null) {
          articlesTagged.add(1);
          hitsFound.add(rows.size());
        }
        current = rows.iterator();
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  private static java.time.LocalDate firstCrawlDate(Dataset<Row> articles) {
    Row first = articles.agg(org.apache.spark.sql.functions.min("crawl_date")).first();
    return first.isNullAt(0)
        ? java.time.LocalDate.now(java.time.ZoneOffset.UTC)
        : first.getDate(0).toLocalDate();
  }
}

package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.OutletCoverage;
import org.framelens.jobs.ingest.ProcessedRows;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * How the articles, frame_hits and quarantine tables are derived from the processing pass's rows
 * ({@link ProcessedRows}): written once, for {@code run} and {@code nightly} alike. Functions from
 * datasets to datasets, without I/O.
 */
public final class ArticleTables {
  private ArticleTables() {}

  /**
   * The three tables of one processing pass, and what the driver learnt of the kept articles while
   * deciding them ({@code null} when they were decided in Spark: too many for the driver).
   */
  public record Derived(
      Dataset<Row> articles, Dataset<Row> hits, Dataset<Row> quarantine, KeptArticles kept) {}

  /**
   * The kept articles as the driver saw them: how many, how many hit rows they carry, and their
   * counts per outlet and crawl day (the article side of outlet_coverage).
   */
  public record KeptArticles(long articles, long hitRows, List<OutletCoverage.DayCounts> byDay) {}

  /**
   * Articles (a URL fetched twice in one crawl day keeps its latest fetch; near-duplicates marked
   * among themselves), their hits, and the quarantine rows of the processed records. Up to {@link
   * FramelensConf#NEARDUP_DRIVER_MAX} articles, both decisions are taken on the driver from one
   * collect of the articles' keys and signatures (no shuffle; a small run pays one short job), and
   * the kept rows are a filter over {@code processed}.
   *
   * @param articlesAtMost an upper bound of the number of articles (-1: unknown, counted first)
   */
  public static Derived derive(
      Dataset<Row> processed,
      String lexiconVersion,
      NearDuplicates.Window window,
      long articlesAtMost) {
    Dataset<Row> rows = articleRows(processed);
    long n = articlesAtMost >= 0 ? articlesAtMost : rows.count();
    if (n > FramelensConf.nearDuplicatesDriverMax(processed.sparkSession())) {
      Dataset<Row> kept = latestPerUrlAndCrawlDate(rows);
      return new Derived(
          marked(unmarked(kept), window, n),
          hits(kept, lexiconVersion),
          quarantine(processed),
          null);
    }
    ArticleKeys keys = ArticleKeys.collect(rows);
    Dataset<Row> kept = without(rows, keys.superseded());
    Dataset<Row> unmarked = unmarked(kept);
    return new Derived(
        SparkTables.conform(
            Syndication.markOnDriver(
                unmarked,
                keys.keptDocs(),
                window,
                kept.filter(col(ProcessedRows.SKETCH_BUCKETS).isNotNull())
                    .select(
                        col("article.article_id").as("article_id"),
                        col(ProcessedRows.SKETCH_BUCKETS).as("buckets"))),
            Tables.ARTICLES),
        hits(kept, lexiconVersion),
        quarantine(processed),
        keys.kept());
  }

  /** The rows of the pass that became articles. */
  public static Dataset<Row> articleRows(Dataset<Row> processed) {
    return processed.filter(col("kind").equalTo(ProcessedRows.ARTICLE));
  }

  /**
   * Superseded fetches up to this many are dropped through a broadcast of their keys; more (a crawl
   * that fetched much of itself twice a day) through a shuffled anti-join.
   */
  static final int SUPERSEDED_BROADCAST_MAX = 200_000;

  /**
   * A URL fetched twice in one crawl day keeps its latest fetch. Decided on the rows' keys only, so
   * the texts are never shuffled: the superseded fetches (usually none) are found by a window over
   * (url, crawl day, time, source), then left out of the rows.
   */
  public static Dataset<Row> latestPerUrlAndCrawlDate(Dataset<Row> articleRows) {
    Dataset<Row> superseded =
        articleRows
            .select(
                col("article.url").as("_url"),
                col("article.crawl_date").as("_day"),
                col("article.crawl_time").as("_time"),
                col("article.source_file").as("_file"),
                col("article.source_offset").as("_offset"),
                col(ProcessedRows.RECORD_SEQ).as("_seq"))
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(col("_url"), col("_day"))
                            .orderBy(desc("_time"), col("_file"), col("_offset"), col("_seq"))))
            .filter(col("_rank").gt(1))
            .select("_file", "_offset", "_seq");
    List<Row> few = superseded.limit(SUPERSEDED_BROADCAST_MAX + 1).collectAsList();
    if (few.size() > SUPERSEDED_BROADCAST_MAX) {
      return articleRows.join(superseded, sameRecord(), "left_anti");
    }
    List<ArticleKeys.Source> sources = new ArrayList<>();
    for (Row r : few) {
      sources.add(
          new ArticleKeys.Source(
              r.getAs("_file"), r.<Long>getAs("_offset"), r.<Long>getAs("_seq")));
    }
    return without(articleRows, sources);
  }

  /**
   * The article rows except the given records (a broadcast anti-join; none: the rows as they are).
   */
  static Dataset<Row> without(Dataset<Row> articleRows, List<ArticleKeys.Source> records) {
    if (records.isEmpty()) {
      return articleRows;
    }
    SparkRows.Shape shape = SparkRows.shape(ArticleKeys.SOURCE);
    List<Row> rows = new ArrayList<>();
    for (ArticleKeys.Source s : records) {
      rows.add(
          shape
              .row()
              .set("_file", s.file())
              .set("_offset", s.offset())
              .set("_seq", s.seq())
              .build());
    }
    Dataset<Row> drop =
        broadcast(articleRows.sparkSession().createDataFrame(rows, ArticleKeys.SOURCE));
    return articleRows.join(drop, sameRecord(), "left_anti");
  }

  /** A record is one article row: (source_file, source_offset, record_seq) names it. */
  private static Column sameRecord() {
    return col("article.source_file")
        .equalTo(col("_file"))
        .and(col("article.source_offset").equalTo(col("_offset")))
        .and(col(ProcessedRows.RECORD_SEQ).equalTo(col("_seq")));
  }

  /**
   * The articles of the kept rows with their text signature, without the near-duplicate marks
   * (which depend on the other articles of the run or store).
   */
  public static Dataset<Row> unmarked(Dataset<Row> kept) {
    return kept.select(col("article.*"), col(ProcessedRows.SKETCH_SIGNATURE).as("text_signature"));
  }

  /**
   * The articles table: near-duplicates marked among the given articles; {@code articlesAtMost}
   * bounds their number (-1: unknown, counted first).
   */
  public static Dataset<Row> marked(
      Dataset<Row> unmarked, NearDuplicates.Window window, long articlesAtMost) {
    return SparkTables.conform(Syndication.mark(unmarked, window, articlesAtMost), Tables.ARTICLES);
  }

  /** One row per hit of the kept articles. */
  public static Dataset<Row> hits(Dataset<Row> kept, String lexiconVersion) {
    Dataset<Row> exploded = kept.select(col("article"), explode(col("hits")).as("hit"));
    List<Column> cols = new ArrayList<>();
    for (String name : Tables.FRAME_HITS.columnNames()) {
      if (name.equals("lexicon_version")) {
        cols.add(lit(lexiconVersion).as(name));
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
   * Records that failed a stage, the fallback rows of articles kept with a substitute value, and
   * articles kept but cut at the maximum text length (a limit hit is always recorded, even when the
   * article survives).
   */
  public static Dataset<Row> quarantine(Dataset<Row> processed) {
    Dataset<Row> failed =
        SparkTables.conform(
            processed
                .filter(
                    col("kind")
                        .equalTo(ProcessedRows.QUARANTINED)
                        .or(
                            col("kind")
                                .equalTo(ProcessedRows.ARTICLE)
                                .and(col("quarantine").isNotNull())))
                .select("quarantine.*"),
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
                lit("limit").as("stage"),
                lit("text_truncated").as("error_class"),
                concat(
                        lit("text cut at "),
                        col("article.text_chars").cast("string"),
                        lit(
                            " characters (--max-text-chars); the article is kept with"
                                + " text_truncated = true"))
                    .as("message"),
                col("article.crawl_date").as("crawl_date"));
    return failed.unionByName(SparkTables.conform(cut, Tables.QUARANTINE));
  }

  /**
   * The quarantine rows with a crawl date for every row (the partition they are stored under): a
   * record whose date could not be read gets the earliest crawl date of the other records read from
   * the same file (in a crawl laid out by day, the file's day, as {@code nightly} dates it), else
   * {@code fallback}.
   */
  public static Dataset<Row> datedQuarantine(
      Dataset<Row> quarantine, Map<String, LocalDate> fileDates, LocalDate fallback) {
    StructType fileDate =
        new StructType()
            .add("_file", DataTypes.StringType, false)
            .add("_file_date", DataTypes.DateType, false);
    SparkRows.Shape shape = SparkRows.shape(fileDate);
    List<Row> rows = new ArrayList<>();
    fileDates.forEach(
        (file, day) ->
            rows.add(shape.row().set("_file", file).set("_file_date", Date.valueOf(day)).build()));
    Dataset<Row> dates = broadcast(quarantine.sparkSession().createDataFrame(rows, fileDate));
    return quarantine
        .join(dates, quarantine.col("source_file").equalTo(dates.col("_file")), "left")
        .withColumn(
            "crawl_date",
            coalesce(col("crawl_date"), col("_file_date"), lit(Date.valueOf(fallback))))
        .drop("_file", "_file_date");
  }

  /**
   * The earliest crawl date of a dataset with a {@code crawl_date} column (or field), else today
   * (UTC): where an empty partitioned table's schema-only file goes.
   */
  public static LocalDate firstCrawlDate(Dataset<Row> rows, String crawlDateColumn) {
    Row first =
        rows.agg(org.apache.spark.sql.functions.min(col(crawlDateColumn)).as("first")).first();
    return first.isNullAt(first.fieldIndex("first"))
        ? LocalDate.now(ZoneOffset.UTC)
        : first.<java.sql.Date>getAs("first").toLocalDate();
  }
}

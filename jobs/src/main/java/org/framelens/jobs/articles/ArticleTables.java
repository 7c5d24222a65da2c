package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.ingest.ProcessedRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * How the articles, frame_hits and quarantine tables are derived from the processing pass's rows
 * ({@link ProcessedRows}): written once, for {@code run} and {@code nightly} alike. Functions from
 * datasets to datasets, without I/O.
 */
public final class ArticleTables {
  private ArticleTables() {}

  /** The three tables of one processing pass. */
  public record Derived(Dataset<Row> articles, Dataset<Row> hits, Dataset<Row> quarantine) {}

  /**
   * Articles (a URL fetched twice in one crawl day keeps its latest fetch; near-duplicates marked
   * among themselves), their hits, and the quarantine rows of the processed records.
   *
   * @param articlesAtMost an upper bound of the number of articles (-1: unknown, counted first)
   */
  public static Derived derive(
      Dataset<Row> processed,
      String lexiconVersion,
      NearDuplicates.Window window,
      long articlesAtMost) {
    Dataset<Row> kept = latestPerUrlAndCrawlDate(articleRows(processed));
    return new Derived(
        marked(unmarked(kept), window, articlesAtMost),
        hits(kept, lexiconVersion),
        quarantine(processed));
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
                col("article.source_offset").as("_offset"))
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy(col("_url"), col("_day"))
                            .orderBy(desc("_time"), col("_file"), col("_offset"))))
            .filter(col("_rank").gt(1))
            .select("_file", "_offset");
    List<Row> few = superseded.limit(SUPERSEDED_BROADCAST_MAX + 1).collectAsList();
    if (few.isEmpty()) {
      return articleRows;
    }
    // a record is one article row: (source_file, source_offset) names it
    Column same =
        col("article.source_file")
            .equalTo(col("_file"))
            .and(col("article.source_offset").equalTo(col("_offset")));
    Dataset<Row> drop =
        few.size() <= SUPERSEDED_BROADCAST_MAX
            ? broadcast(articleRows.sparkSession().createDataFrame(few, superseded.schema()))
            : superseded;
    return articleRows.join(drop, same, "left_anti");
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
      Dataset<Row> quarantine, Dataset<Row> processed, LocalDate fallback) {
    Dataset<Row> fileDates =
        processed
            .select(
                col("source_file").as("_file"),
                coalesce(col("article.crawl_date"), col("quarantine.crawl_date")).as("_date"))
            .groupBy("_file")
            .agg(org.apache.spark.sql.functions.min("_date").as("_file_date"));
    return quarantine
        .join(fileDates, quarantine.col("source_file").equalTo(fileDates.col("_file")), "left")
        .withColumn(
            "crawl_date",
            coalesce(col("crawl_date"), col("_file_date"), lit(java.sql.Date.valueOf(fallback))))
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

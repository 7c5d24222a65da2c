package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import com.google.common.base.Suppliers;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.spark.FramelensConf;

/**
 * The comparison tables, computed from the articles and frame_hits tables (no I/O): outlet_frames,
 * outlet_pairs, frame_terms, story_frames, story_contrasts and copy_edits. Each original article
 * counts once; near-duplicate copies ({@code duplicate_of} set) count only when {@code
 * includeCopies}.
 *
 * <p>The articles and hits are reduced to small groups (each period's day-level counts, each
 * outlet's frame's written forms, each story's members), and each group is turned into rows by
 * plain Java ({@link GroupRows}, with {@code org.framelens.common.compare}). Small runs are grouped
 * on the driver ({@link LocalComparisons}), larger ones in Spark ({@link SparkComparisons}); both
 * give the same tables. Expressing the statistics as Spark joins and windows instead cost about 60
 * Spark jobs, a fixed 11–15 s that dominated {@code retag}.
 */
public final class Comparisons {
  private Comparisons() {}

  /**
   * The four tables, each built when first asked for: the small driver-side steps they need (the
   * run's prior, the story links) then run in the thread that writes the table, alongside the
   * others. {@link #release} frees the intermediate results kept in memory.
   */
  public static final class Result {
    private final Supplier<Dataset<Row>> outletFrames;
    private final Supplier<Dataset<Row>> outletPairs;
    private final Supplier<Dataset<Row>> frameTerms;
    private final Supplier<Dataset<Row>> storyFrames;
    private final Supplier<Dataset<Row>> storyContrasts;
    private Supplier<Dataset<Row>> copyEdits = () -> null;
    private final List<Dataset<Row>> cached;
    private final List<Broadcast<?>> broadcasts;
    private boolean released;

    Result(
        Supplier<Dataset<Row>> outletFrames,
        Supplier<Dataset<Row>> outletPairs,
        Supplier<Dataset<Row>> frameTerms,
        Supplier<Dataset<Row>> storyFrames,
        Supplier<Dataset<Row>> storyContrasts,
        List<Dataset<Row>> cached,
        List<Broadcast<?>> broadcasts) {
      this.outletFrames = Suppliers.memoize(outletFrames::get);
      this.outletPairs = Suppliers.memoize(outletPairs::get);
      this.frameTerms = Suppliers.memoize(frameTerms::get);
      this.storyFrames = Suppliers.memoize(storyFrames::get);
      this.storyContrasts = Suppliers.memoize(storyContrasts::get);
      this.cached = cached;
      this.broadcasts = broadcasts;
    }

    public Dataset<Row> outletFrames() {
      return outletFrames.get();
    }

    public Dataset<Row> outletPairs() {
      return outletPairs.get();
    }

    public Dataset<Row> frameTerms() {
      return frameTerms.get();
    }

    public Dataset<Row> storyFrames() {
      return storyFrames.get();
    }

    public Dataset<Row> storyContrasts() {
      return storyContrasts.get();
    }

    /** copy_edits: one per-copy computation whichever way the other tables were grouped. */
    public Dataset<Row> copyEdits() {
      return copyEdits.get();
    }

    Result withCopyEdits(Supplier<Dataset<Row>> edits) {
      this.copyEdits = Suppliers.memoize(edits::get);
      return this;
    }

    /** Whether the inputs were grouped on the driver ({@link LocalComparisons}). */
    public boolean groupedOnDriver() {
      // only the driver's groups travel as broadcasts
      return !broadcasts.isEmpty();
    }

    /** Frees what the tables were computed from; the tables must have been written before. */
    public synchronized void release() {
      if (!released) {
        released = true;
        cached.forEach(Dataset::unpersist);
        broadcasts.forEach(Broadcast::destroy);
      }
    }
  }

  /**
   * Runs with at most this many counted articles and hits each are grouped on the driver ({@link
   * LocalComparisons}); {@link FramelensConf#COMPARISONS_DRIVER_ROWS} overrides it (0: always in
   * Spark).
   */
  public static final int LOCAL_MAX_ROWS = FramelensConf.DEFAULT_COMPARISONS_DRIVER_ROWS;

  public static Result compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> allHits,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    int driverRows = FramelensConf.comparisonsDriverRows(spark);
    return compute(spark, articles, allHits, frames, lexiconVersion, includeCopies, driverRows);
  }

  /**
   * @param localMaxRows the most counted articles (and hits) computed on the driver; 0 always
   *     computes the tables in Spark
   */
  public static Result compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> allHits,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies,
      int localMaxRows) {
    // the columns the tables need; the Spark path reads them many times over and keeps them in
    // memory, the driver path reads them once
    Dataset<Row> slimArticles =
        articles.select(
            "article_id", "outlet", "published_at", "crawl_date", "token_count", "duplicate_of");
    Dataset<Row> slimHits =
        allHits.select(
            "article_id", "frame", "lang", "term", "matched_text", "voice", "crawl_date");
    GroupRows.Stamp stamp = new GroupRows.Stamp(includeCopies, lexiconVersion);
    if (localMaxRows > 0) {
      Result local =
          LocalComparisons.tables(
              spark, fetches(slimArticles, includeCopies), slimHits, frames, stamp, localMaxRows);
      if (local != null) {
        return local.withCopyEdits(
            () -> CopyEditsTable.rows(spark, articles, allHits, lexiconVersion));
      }
    }
    return SparkComparisons.tables(spark, slimArticles, slimHits, frames, stamp, includeCopies)
        .withCopyEdits(() -> CopyEditsTable.rows(spark, articles, allHits, lexiconVersion));
  }

  /**
   * The counted fetches, each with the date that places it in a period: article_id, outlet, date,
   * dated_by_crawl, token_count, crawl_date.
   */
  static Dataset<Row> fetches(Dataset<Row> articles, boolean includeCopies) {
    Dataset<Row> counted = includeCopies ? articles : articles.filter(col("duplicate_of").isNull());
    return counted.select(
        col("article_id"),
        col("outlet"),
        coalesce(to_date(col("published_at")), col("crawl_date")).as("date"),
        col("published_at").isNull().as("dated_by_crawl"),
        col("token_count"),
        col("crawl_date"));
  }
}

package org.framelens.jobs.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Reads a framelens output folder (articles, outlet_frames, and frame_terms, quarantine,
 * outlet_coverage and lexicon_validation when present) and aggregates what the report shows.
 * Everything is aggregated by Spark; only the small results come to the driver.
 */
public final class ReportTables {
  /** Terms shown per frame and outlet. */
  public static final int TOP_TERMS = 5;

  private ReportTables() {}

  /**
   * @throws IllegalArgumentException when {@code dir} has no articles or outlet_frames table
   */
  public static ReportData load(SparkSession spark, String dir, String title) {
    try {
      org.framelens.jobs.nightly.OutputFolder.checkReadable(
          dir, spark.sparkContext().hadoopConfiguration());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    for (String required : List.of("articles", "outlet_frames")) {
      if (!exists(spark, dir, required)) {
        throw new IllegalArgumentException(
            "no " + required + " table under " + dir + " (is it a framelens output folder?)");
      }
    }
    Dataset<Row> articles = spark.read().parquet(table(dir, "articles"));
    Dataset<Row> outletFrames = spark.read().parquet(table(dir, "outlet_frames"));
    // the days covered are the day periods (a run period is dated by its first day only)
    Dataset<Row> days = outletFrames;
    if (java.util.Arrays.asList(outletFrames.columns()).contains("period_type")) {
      // one row per outlet and frame: the whole-run period (days and weeks repeat the same hits)
      outletFrames = outletFrames.filter(col("period_type").equalTo("run"));
      days = days.filter(col("period_type").equalTo("day"));
    }

    Row a =
        articles
            .agg(
                count(lit(1)).as("articles"),
                min(col("crawl_date")).as("first_crawl_date"),
                max(col("crawl_date")).as("last_crawl_date"),
                collect_set(col("lang")).as("languages"))
            .collectAsList()
            .get(0);
    Row p =
        days.agg(
                min(col("period")).as("first_period"),
                max(col("period")).as("last_period"),
                collect_set(col("lexicon_version")).as("lexicon_versions"))
            .collectAsList()
            .get(0);
    List<String> languages = new ArrayList<>(a.<String>getList(a.fieldIndex("languages")));
    Collections.sort(languages);
    List<String> lexiconVersions =
        new ArrayList<>(p.<String>getList(p.fieldIndex("lexicon_versions")));
    Collections.sort(lexiconVersions);
    RunFacts facts =
        new RunFacts(
            a.<Long>getAs("articles"),
            languages,
            localDate(a.getAs("first_crawl_date")),
            localDate(a.getAs("last_crawl_date")),
            localDate(p.getAs("first_period")),
            localDate(p.getAs("last_period")),
            lexiconVersions);

    List<OutletFrame> cells = new ArrayList<>();
    for (Row r :
        outletFrames
            .groupBy("outlet", "frame")
            .agg(
                sum(col("articles")).as("articles"),
                sum(col("articles_with_frame")).as("articles_with_frame"),
                sum(col("hits")).as("hits"),
                sum(col("hits_own")).as("hits_own"),
                sum(col("hits_quoted")).as("hits_quoted"))
            .orderBy("outlet", "frame")
            .collectAsList()) {
      cells.add(
          new OutletFrame(
              r.getAs("outlet"),
              r.getAs("frame"),
              r.<Long>getAs("articles"),
              r.<Long>getAs("articles_with_frame"),
              r.<Long>getAs("hits"),
              r.<Long>getAs("hits_own"),
              r.<Long>getAs("hits_quoted")));
    }

    boolean termsPresent = exists(spark, dir, "frame_terms");
    List<TermCount> terms =
        termsPresent
            ? topTerms(spark.read().parquet(table(dir, "frame_terms")), TOP_TERMS)
            : List.of();

    Map<String, Long> quarantine = null;
    if (exists(spark, dir, "quarantine")) {
      quarantine = new LinkedHashMap<>();
      for (Row r :
          spark
              .read()
              .parquet(table(dir, "quarantine"))
              .groupBy("stage")
              .count()
              .orderBy(col("count").desc(), col("stage"))
              .collectAsList()) {
        quarantine.put(r.getAs("stage"), r.<Long>getAs("count"));
      }
    }
    List<CoverageSummary> coverage =
        exists(spark, dir, "outlet_coverage")
            ? coverage(spark.read().parquet(table(dir, "outlet_coverage")))
            : null;
    List<ValidationRow> validation =
        exists(spark, dir, "lexicon_validation")
            ? validation(spark.read().parquet(table(dir, "lexicon_validation")))
            : null;
    List<StoryContrast> contrasts =
        exists(spark, dir, "story_contrasts")
            ? contrasts(spark.read().parquet(table(dir, "story_contrasts")))
            : null;
    List<WireEdit> wireEdits =
        exists(spark, dir, "copy_edits")
            ? wireEdits(spark.read().parquet(table(dir, "copy_edits")), TOP_EDITS)
            : null;
    return new ReportData(
        title,
        dir,
        facts,
        cells,
        terms,
        termsPresent,
        quarantine,
        coverage,
        validation,
        contrasts,
        wireEdits);
  }

  /** Edits shown per outlet in the report. */
  public static final int TOP_EDITS = 5;

  /** The run period's contrasts that have an odds ratio, by frame and outlets. */
  static List<StoryContrast> contrasts(Dataset<Row> table) {
    List<StoryContrast> out = new ArrayList<>();
    for (Row r :
        table
            .filter(col("period_type").equalTo("run").and(col("or_mh").isNotNull()))
            .orderBy("frame", "outlet_a", "outlet_b")
            .collectAsList()) {
      out.add(
          new StoryContrast(
              r.getAs("frame"),
              r.getAs("outlet_a"),
              r.getAs("outlet_b"),
              r.<Long>getAs("stories_shared"),
              r.getAs("or_mh"),
              r.getAs("or_mh_ci_low"),
              r.getAs("or_mh_ci_high"),
              r.<Double>getAs("share_difference"),
              r.<Double>getAs("selection_part"),
              r.<Double>getAs("framing_part")));
    }
    return out;
  }

  /**
   * The {@code n} most frequent edits of each outlet's wire copies (ties by kind and terms), with
   * the outlet's copies compared and copies edited from its summary row.
   */
  static List<WireEdit> wireEdits(Dataset<Row> table, int n) {
    Map<String, long[]> copies = new HashMap<>();
    for (Row r :
        table
            .filter(col("row_kind").equalTo("outlet").and(col("edit_kind").equalTo("any")))
            .collectAsList()) {
      copies.put(
          r.getAs("outlet_copy"),
          new long[] {r.<Long>getAs("copies"), r.<Long>getAs("copies_with_edit")});
    }
    List<WireEdit> out = new ArrayList<>();
    Map<String, Integer> shown = new HashMap<>();
    for (Row r :
        table
            .filter(col("row_kind").equalTo("edit"))
            .groupBy(
                "outlet_copy",
                "edit_kind",
                "frame_original",
                "term_original",
                "frame_copy",
                "term_copy")
            .count()
            .orderBy(
                col("outlet_copy"),
                col("count").desc(),
                col("edit_kind"),
                col("term_original"),
                col("term_copy"))
            .collectAsList()) {
      String outlet = r.getAs("outlet_copy");
      if (shown.merge(outlet, 1, Integer::sum) > n) {
        continue;
      }
      long[] c = copies.getOrDefault(outlet, new long[2]);
      out.add(
          new WireEdit(
              outlet,
              r.getAs("edit_kind"),
              r.getAs("frame_original"),
              r.getAs("term_original"),
              r.getAs("frame_copy"),
              r.getAs("term_copy"),
              r.<Long>getAs("count"),
              c[0],
              c[1]));
    }
    return out;
  }

  static List<CoverageSummary> coverage(Dataset<Row> outletCoverage) {
    List<CoverageSummary> out = new ArrayList<>();
    for (Row r :
        outletCoverage
            .groupBy("outlet")
            .agg(
                sum(when(col("articles").gt(0), 1L).otherwise(0L)).as("days_with_articles"),
                sum(col("articles")).as("articles"),
                sum(col("quarantined")).as("quarantined"),
                sum(col("short_texts")).as("short_texts"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .sort_array(
                        org.apache.spark.sql.functions.collect_list(when(col("gap"), col("day"))))
                    .as("gaps"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .concat_ws(
                        ",",
                        org.apache.spark.sql.functions.sort_array(
                            org.apache.spark.sql.functions.array_distinct(
                                org.apache.spark.sql.functions.flatten(
                                    collect_list(
                                        org.apache.spark.sql.functions.split(
                                            col("languages"), ","))))))
                    .as("languages"))
            .orderBy("outlet")
            .collectAsList()) {
      List<LocalDate> gaps = new ArrayList<>();
      for (Object d : r.getList(r.fieldIndex("gaps"))) {
        gaps.add(localDate(d));
      }
      out.add(
          new CoverageSummary(
              r.getAs("outlet"),
              r.<Long>getAs("days_with_articles"),
              r.<Long>getAs("articles"),
              r.<Long>getAs("quarantined"),
              r.<Long>getAs("short_texts"),
              gaps,
              r.<String>getAs("languages").replaceAll("^,+|,+$", "").replaceAll(",,+", ",")));
    }
    return out;
  }

  static List<ValidationRow> validation(Dataset<Row> table) {
    List<ValidationRow> out = new ArrayList<>();
    for (Row r :
        table
            .select(
                col("scope"),
                col("lang"),
                col("frame"),
                col("term"),
                col("correct").plus(col("wrong")).as("judged"),
                col("precision"),
                col("precision_ci_low"),
                col("precision_ci_high"),
                col("paragraph_items"),
                col("miss_rate"),
                col("alpha"),
                col("threshold"),
                col("below_threshold"))
            .collectAsList()) {
      out.add(
          new ValidationRow(
              r.getAs("scope"),
              r.getAs("lang"),
              r.getAs("frame"),
              r.getAs("term"),
              r.<Long>getAs("judged"),
              dbl(r, "precision"),
              dbl(r, "precision_ci_low"),
              dbl(r, "precision_ci_high"),
              r.<Long>getAs("paragraph_items"),
              dbl(r, "miss_rate"),
              dbl(r, "alpha"),
              r.<Double>getAs("threshold"),
              r.<Boolean>getAs("below_threshold")));
    }
    return out;
  }

  private static double dbl(Row r, String column) {
    return r.isNullAt(r.fieldIndex(column)) ? Double.NaN : r.<Double>getAs(column);
  }

  /**
   * The {@code n} most used terms of each frame per outlet (ties by term), most used first, with
   * their quoted hits, from frame_terms: counted as the comparison tables count (each original
   * article once, as its first fetch; copies only when the run included them). Counting frame_hits
   * here instead would add the hits of near-duplicate copies and of every later fetch of a page.
   */
  static List<TermCount> topTerms(Dataset<Row> frameTerms, int n) {
    Dataset<Row> ranked =
        frameTerms
            .select(
                col("frame"),
                col("outlet"),
                col("lang"),
                col("term"),
                col("hits"),
                col("hits_quoted").as("quoted"))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("frame", "outlet")
                            .orderBy(col("hits").desc(), col("term"), col("lang"))))
            .where(col("rank").leq(n))
            .orderBy("frame", "outlet", "rank");
    List<TermCount> out = new ArrayList<>();
    for (Row r : ranked.collectAsList()) {
      out.add(
          new TermCount(
              r.getAs("frame"),
              r.getAs("outlet"),
              r.getAs("lang"),
              r.getAs("term"),
              r.<Long>getAs("hits"),
              r.<Long>getAs("quoted")));
    }
    return out;
  }

  private static String table(String dir, String name) {
    return new Path(dir, name).toString();
  }

  private static boolean exists(SparkSession spark, String dir, String name) {
    Path path = new Path(dir, name);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + path, e);
    }
  }

  private static LocalDate localDate(Object o) {
    if (o == null) {
      return null;
    }
    if (o instanceof LocalDate d) {
      return d;
    }
    return ((Date) o).toLocalDate();
  }
}

package org.framelens.jobs;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.Tables;
import org.framelens.common.stats.FramingStats;

/**
 * The comparison tables, computed from the articles and frame_hits tables (no I/O): outlet_frames,
 * frame_terms and story_frames, and outlet_pairs from outlet_frames. Each original article counts
 * once; near-duplicate copies ({@code duplicate_of} set) count only when {@code includeCopies}.
 */
public final class Comparisons {
  private Comparisons() {}

  /**
   * The tables computed from articles and hits; outlet_pairs comes from outlet_frames. {@code
   * cached} are intermediate results kept in memory while the tables are written; {@link #release}
   * frees them.
   */
  public record Result(
      Dataset<Row> outletFrames,
      Dataset<Row> frameTerms,
      Dataset<Row> storyFrames,
      List<Dataset<Row>> cached) {
    public void release() {
      cached.forEach(Dataset::unpersist);
    }
  }

  /** Articles sharing at least this many entities ... */
  static final int STORY_MIN_SHARED_ENTITIES = 2;

  /** ... published at most this many days apart belong to one story. */
  static final int STORY_WINDOW_DAYS = 2;

  public static Result compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> allHits,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    Dataset<Row> counted = includeCopies ? articles : articles.filter(col("duplicate_of").isNull());
    Dataset<Row> dated =
        counted.select(
            col("article_id"),
            col("outlet"),
            coalesce(to_date(col("published_at")), col("crawl_date")).as("date"),
            col("published_at").isNull().as("dated_by_crawl"),
            col("token_count"));
    Dataset<Row> frameHits =
        allHits
            .filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX).unary_$bang())
            .join(dated.select("article_id"), "article_id");
    Dataset<Row> entityHits =
        allHits
            .filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX))
            .join(dated.select("article_id"), "article_id");
    // periods feeds every aggregate of outlet_frames several times over: compute it once
    Dataset<Row> periods = periods(dated).persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new java.util.ArrayList<>(List.of(periods));

    Dataset<Row> outletFrames =
        outletFrames(spark, periods, frameHits, frames, cached)
            .withColumn("copies_included", lit(includeCopies))
            .withColumn("lexicon_version", lit(lexiconVersion));
    outletFrames = SparkTables.conform(outletFrames, Tables.OUTLET_FRAMES);
    Dataset<Row> frameTerms =
        SparkTables.conform(
            frameTerms(frameHits)
                .withColumn("copies_included", lit(includeCopies))
                .withColumn("lexicon_version", lit(lexiconVersion)),
            Tables.FRAME_TERMS);
    Dataset<Row> storyFrames =
        SparkTables.conform(
            storyFrames(dated, frameHits, entityHits)
                .withColumn("copies_included", lit(includeCopies))
                .withColumn("lexicon_version", lit(lexiconVersion)),
            Tables.STORY_FRAMES);
    return new Result(outletFrames, frameTerms, storyFrames, cached);
  }

  /** Each article once per period type: its day, its ISO week, the whole run. */
  static Dataset<Row> periods(Dataset<Row> dated) {
    Dataset<Row> day =
        dated.select(
            col("*"),
            lit("day").as("period_type"),
            col("date").as("period"),
            date_format(col("date"), "yyyy-MM-dd").as("period_label"));
    Column monday = to_date(date_trunc("week", col("date")));
    Dataset<Row> week =
        dated.select(
            col("*"),
            lit("week").as("period_type"),
            monday.as("period"),
            concat(
                    expr("cast(extract(YEAROFWEEK FROM date) as string)"),
                    lit("-W"),
                    lpad(weekofyear(col("date")).cast("string"), 2, "0"))
                .as("period_label"));
    Row first = dated.agg(min("date")).first();
    Dataset<Row> run =
        dated.select(
            col("*"),
            lit("run").as("period_type"),
            lit(first.isNullAt(0) ? null : first.getDate(0)).cast("date").as("period"),
            lit("run").as("period_label"));
    return day.unionByName(week).unionByName(run);
  }

  static Dataset<Row> outletFrames(
      SparkSession spark,
      Dataset<Row> periods,
      Dataset<Row> frameHits,
      List<String> frames,
      List<Dataset<Row>> cached) {
    String[] periodKey = {"period_type", "period", "period_label"};
    Dataset<Row> totals =
        periods
            .groupBy(col("outlet"), col("period_type"), col("period"), col("period_label"))
            .agg(
                count(lit(1)).as("articles"),
                sum(col("token_count").cast("long")).as("tokens"),
                sum(when(col("dated_by_crawl"), 1).otherwise(0))
                    .cast("long")
                    .as("articles_dated_by_crawl"));
    Dataset<Row> counts =
        frameHits
            .select("article_id", "frame", "voice")
            .join(
                periods.select("article_id", "outlet", "period_type", "period", "period_label"),
                "article_id")
            .groupBy("outlet", "period_type", "period", "period_label", "frame")
            .agg(
                countDistinct("article_id").as("articles_with_frame"),
                count(lit(1)).as("hits"),
                sum(when(col("voice").equalTo("own"), 1).otherwise(0)).cast("long").as("hits_own"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0))
                    .cast("long")
                    .as("hits_quoted"));
    Dataset<Row> frameNames = spark.createDataset(frames, Encoders.STRING()).toDF("frame");
    Dataset<Row> grid =
        totals
            .crossJoin(frameNames)
            .join(counts, seq("outlet", "period_type", "period", "period_label", "frame"), "left")
            .na()
            .fill(0L, new String[] {"articles_with_frame", "hits", "hits_own", "hits_quoted"})
            // read by three aggregates and the final join
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(grid);

    // log-odds: this outlet against all other outlets of the period; prior = whole-run frame hits
    Dataset<Row> prior =
        frameHits
            .groupBy("frame")
            .agg(count(lit(1)).as("alpha_w"))
            .crossJoin(frameHits.agg(count(lit(1)).as("alpha_0")));
    Dataset<Row> outletTotals =
        grid.groupBy("outlet", "period_type", "period", "period_label").agg(sum("hits").as("n_i"));
    Dataset<Row> periodFrame =
        grid.groupBy("period_type", "period", "period_label", "frame").agg(sum("hits").as("y_all"));
    Dataset<Row> periodTotals =
        grid.groupBy("period_type", "period", "period_label").agg(sum("hits").as("n_all"));
    UserDefinedFunction logOdds =
        udf(
            (UDF6<Long, Long, Long, Long, Long, Long, Double>)
                (yi, ni, yAll, nAll, alphaW, alpha0) -> {
                  if (alphaW == null || alpha0 == null) {
                    return null;
                  }
                  double z = FramingStats.logOddsZ(yi, ni, yAll - yi, nAll - ni, alphaW, alpha0);
                  return Double.isNaN(z) ? null : z;
                },
            DataTypes.DoubleType);
    UserDefinedFunction wilson =
        udf(
            (UDF2<Long, Long, double[]>) FramingStats::wilson95,
            DataTypes.createArrayType(DataTypes.DoubleType, false));
    return grid.join(outletTotals, seq("outlet", "period_type", "period", "period_label"))
        .join(periodFrame, seq("period_type", "period", "period_label", "frame"))
        .join(periodTotals, seq(periodKey))
        .join(prior, seq("frame"), "left")
        .withColumn("share", col("articles_with_frame").divide(col("articles")))
        .withColumn("_ci", wilson.apply(col("articles_with_frame"), col("articles")))
        .withColumn("share_ci_low", col("_ci").getItem(0))
        .withColumn("share_ci_high", col("_ci").getItem(1))
        .withColumn(
            "rate_per_10k_tokens",
            when(col("tokens").gt(0), col("hits").multiply(10000.0).divide(col("tokens")))
                .otherwise(0.0))
        .withColumn(
            "log_odds_z",
            logOdds.apply(
                col("hits"),
                col("n_i"),
                col("y_all"),
                col("n_all"),
                col("alpha_w"),
                col("alpha_0")));
  }

  /** outlet_pairs from an outlet_frames table. */
  static Dataset<Row> outletPairsTable(
      Dataset<Row> outletFrames, String lexiconVersion, boolean includeCopies) {
    return SparkTables.conform(
        outletPairs(outletFrames)
            .withColumn("copies_included", lit(includeCopies))
            .withColumn("lexicon_version", lit(lexiconVersion)),
        Tables.OUTLET_PAIRS);
  }

  static Dataset<Row> outletPairs(Dataset<Row> outletFrames) {
    Dataset<Row> vectors =
        outletFrames
            .groupBy("period_type", "period", "period_label", "outlet")
            .agg(
                first("articles").as("articles"),
                sum("hits").as("hits"),
                sort_array(collect_list(struct(col("frame"), col("hits")))).as("v"));
    Dataset<Row> a =
        vectors.toDF(
            "period_type", "period", "period_label", "outlet_a", "articles_a", "hits_a", "va");
    Dataset<Row> b =
        vectors.toDF(
            "period_type", "period", "period_label", "outlet_b", "articles_b", "hits_b", "vb");
    UserDefinedFunction jsd =
        udf(
            (UDF2<scala.collection.Seq<Row>, scala.collection.Seq<Row>, Double>)
                (x, y) -> {
                  double[] p = counts(x);
                  double[] q = counts(y);
                  double d = FramingStats.jensenShannonDistance(p, q);
                  return Double.isNaN(d) ? null : d;
                },
            DataTypes.DoubleType);
    return a.join(b, seq("period_type", "period", "period_label"))
        .filter(col("outlet_a").lt(col("outlet_b")))
        .withColumn("js_distance", jsd.apply(col("va"), col("vb")));
  }

  /** Hit counts of a sorted (frame, hits) list; both sides list every frame in the same order. */
  private static double[] counts(scala.collection.Seq<Row> v) {
    double[] out = new double[v.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = v.apply(i).getLong(1);
    }
    return out;
  }

  static Dataset<Row> frameTerms(Dataset<Row> frameHits) {
    Dataset<Row> perTerm =
        frameHits
            .groupBy("outlet", "frame", "lang", "term")
            .agg(
                count(lit(1)).as("hits"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0))
                    .cast("long")
                    .as("hits_quoted"));
    Dataset<Row> examples =
        frameHits
            .groupBy("outlet", "frame", "lang", "term", "matched_text")
            .agg(count(lit(1)).as("n"))
            .withColumn(
                "_rank",
                row_number()
                    .over(
                        Window.partitionBy("outlet", "frame", "lang", "term")
                            .orderBy(desc("n"), col("matched_text"))))
            .filter(col("_rank").equalTo(1))
            .select(
                col("outlet"),
                col("frame"),
                col("lang"),
                col("term"),
                col("matched_text").as("example"));
    return perTerm
        .join(examples, seq("outlet", "frame", "lang", "term"))
        .withColumn(
            "share_of_frame",
            col("hits").divide(sum("hits").over(Window.partitionBy("outlet", "frame"))));
  }

  /**
   * Stories: articles sharing at least {@value #STORY_MIN_SHARED_ENTITIES} entity mentions and
   * published at most {@value #STORY_WINDOW_DAYS} days apart are linked; a story is a connected
   * group of at least two linked articles.
   */
  static Dataset<Row> storyFrames(
      Dataset<Row> dated, Dataset<Row> frameHits, Dataset<Row> entityHits) {
    Dataset<Row> mentions =
        entityHits
            .select(col("article_id"), col("frame").as("entity"))
            .distinct()
            .join(dated.select("article_id", "outlet", "date"), "article_id");
    Dataset<Row> a = mentions.toDF("a", "entity", "outlet_a", "date_a");
    Dataset<Row> b = mentions.toDF("b", "entity", "outlet_b", "date_b");
    Dataset<Row> edges =
        a.join(b, "entity")
            .filter(
                col("a")
                    .lt(col("b"))
                    .and(abs(datediff(col("date_a"), col("date_b"))).leq(STORY_WINDOW_DAYS)))
            .groupBy("a", "b")
            .agg(count(lit(1)).as("shared"))
            .filter(col("shared").geq(STORY_MIN_SHARED_ENTITIES))
            .select("a", "b");
    // Connected components with a union-find on the driver: the links are few (articles that
    // share two entities within days), and one pass beats Spark's iterative label propagation.
    java.util.Map<String, String> parent = new java.util.HashMap<>();
    for (Row e : edges.collectAsList()) {
      union(parent, e.getString(0), e.getString(1));
    }
    java.util.List<Row> labelRows = new java.util.ArrayList<>();
    for (String id : parent.keySet()) {
      labelRows.add(org.apache.spark.sql.RowFactory.create(id, find(parent, id)));
    }
    Dataset<Row> labels =
        dated
            .sparkSession()
            .createDataFrame(
                labelRows,
                new org.apache.spark.sql.types.StructType()
                    .add("id", DataTypes.StringType)
                    .add("label", DataTypes.StringType));
    Dataset<Row> members =
        labels
            .select(col("id").as("article_id"), col("label").as("story_id"))
            .join(dated.select("article_id", "outlet", "date"), "article_id");
    Dataset<Row> stories =
        members
            .groupBy("story_id")
            .agg(
                min("date").as("story_start"),
                max("date").as("story_end"),
                count(lit(1)).as("story_articles"),
                countDistinct("outlet").as("story_outlets"));
    Dataset<Row> labelsOfStories =
        members
            .join(mentions.select("article_id", "entity"), "article_id")
            .groupBy("story_id", "entity")
            .agg(count(lit(1)).as("n"))
            .groupBy("story_id")
            .agg(
                sort_array(collect_list(struct(col("n").multiply(-1).as("k"), col("entity"))))
                    .as("top"))
            .select(
                col("story_id"),
                array_join(slice(col("top.entity"), 1, 3).cast("array<string>"), ", ").as("_label"))
            .withColumn("story_label", regexp_replace(col("_label"), Lexicon.ENTITY_PREFIX, ""));
    Dataset<Row> perOutlet =
        members.groupBy("story_id", "outlet").agg(count(lit(1)).as("articles"));
    Dataset<Row> perFrame =
        members
            .join(frameHits.select("article_id", "frame", "voice"), "article_id")
            .groupBy("story_id", "outlet", "frame")
            .agg(
                count(lit(1)).as("hits"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0))
                    .cast("long")
                    .as("hits_quoted"));
    return perFrame
        .join(perOutlet, seq("story_id", "outlet"))
        .join(stories, "story_id")
        .join(labelsOfStories, "story_id");
  }

  private static String find(java.util.Map<String, String> parent, String x) {
    String root = x;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(x).equals(root)) {
      String next = parent.get(x);
      parent.put(x, root);
      x = next;
    }
    return root;
  }

  /** Joins two articles' groups; the group's label is its smallest article id. */
  private static void union(java.util.Map<String, String> parent, String a, String b) {
    parent.putIfAbsent(a, a);
    parent.putIfAbsent(b, b);
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }

  static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}

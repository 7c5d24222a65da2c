package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.dedup.TextSketch;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * Marks near-duplicate articles ({@link NearDuplicates}: LSH banding over the MinHash signatures
 * stored with each article ({@code text_signature}, computed in the processing pass), confirmed by
 * the exact Jaccard similarity of the word 5-shingle sets of the candidate pairs only, linked only
 * when published at most the window apart). The marks are a function of the set of articles alone:
 * a {@code run} over a crawl and a nightly store that received the same crawl night by night, in
 * any order, mark the same articles alike. Up to {@link FramelensConf#NEARDUP_DRIVER_MAX} articles
 * (200,000) the signatures are compared on the driver; larger sets apply the same rules in Spark.
 */
public final class Syndication {
  private Syndication() {}

  static final StructType MARKS =
      new StructType()
          .add("article_id", DataTypes.StringType, false)
          .add("duplicate_of", DataTypes.StringType, true)
          .add("syndicated", DataTypes.BooleanType, false);

  /**
   * Adds {@code duplicate_of} and {@code syndicated} to articles (the articles table's columns,
   * {@code text_signature} and {@code text} among them, without the two marks).
   *
   * @param articlesAtMost an upper bound of the number of articles, or -1 to count them first
   */
  public static Dataset<Row> mark(
      Dataset<Row> articles, NearDuplicates.Window window, long articlesAtMost) {
    SparkSession spark = articles.sparkSession();
    long localMax = FramelensConf.nearDuplicatesDriverMax(spark);
    long n = articlesAtMost >= 0 ? articlesAtMost : articles.count();
    Dataset<Row> marks =
        n <= localMax ? broadcast(onDriver(articles, window)) : inSpark(articles, window);
    return articles
        .join(marks, SparkTables.seq("article_id"), "left")
        .withColumn("syndicated", coalesce(col("syndicated"), lit(false)));
  }

  private static Dataset<Row> sketched(Dataset<Row> articles) {
    return articles
        .filter(col("text_signature").isNotNull())
        .select(
            col("article_id"),
            coalesce(col("published_at"), col("crawl_time")).as("t"),
            col("text_signature").as("signature"),
            col("text"));
  }

  /**
   * As {@link #mark}, on the driver, with the articles' signatures already collected ({@code docs}:
   * the articles that have one) and their shingle buckets at hand in {@code bucketRows} (columns
   * article_id and buckets, as the processing pass computed them): only the buckets of candidate
   * pairs reach the driver.
   */
  static Dataset<Row> markOnDriver(
      Dataset<Row> articles,
      List<NearDuplicates.Doc> docs,
      NearDuplicates.Window window,
      Dataset<Row> bucketRows) {
    return articles
        .join(
            broadcast(marks(articles.sparkSession(), docs, window, bucketRows, col("buckets"))),
            SparkTables.seq("article_id"),
            "left")
        .withColumn("syndicated", coalesce(col("syndicated"), lit(false)));
  }

  /** The marks computed on the driver from the collected signatures. */
  static Dataset<Row> onDriver(Dataset<Row> articles, NearDuplicates.Window window) {
    List<NearDuplicates.Doc> docs = new ArrayList<>();
    for (Row r : sketched(articles).select("article_id", "t", "signature").collectAsList()) {
      docs.add(
          new NearDuplicates.Doc(
              r.getAs("article_id"),
              micros(r.getAs("t")),
              ints(r.getList(r.fieldIndex("signature")))));
    }
    // stored articles carry no buckets: the executors shingle the candidates' texts (a crawl of
    // wire copies makes most articles candidates), so bucket sets reach the driver, not texts
    UserDefinedFunction shingles =
        udf(
            (UDF1<String, int[]>) text -> TextSketch.of(text).buckets(),
            DataTypes.createArrayType(DataTypes.IntegerType, false));
    return marks(
        articles.sparkSession(), docs, window, sketched(articles), shingles.apply(col("text")));
  }

  /**
   * The marks of {@code docs}; the shingle buckets of the candidates are {@code buckets} evaluated
   * over their rows in {@code source} (which has an article_id column).
   */
  private static Dataset<Row> marks(
      SparkSession spark,
      List<NearDuplicates.Doc> docs,
      NearDuplicates.Window window,
      Dataset<Row> source,
      Column bucketsOf) {
    Set<NearDuplicates.Pair> candidates = NearDuplicates.candidates(docs);
    Map<String, int[]> buckets = new HashMap<>();
    if (!candidates.isEmpty()) {
      Set<String> ids = new HashSet<>();
      for (NearDuplicates.Pair p : candidates) {
        ids.add(p.a());
        ids.add(p.b());
      }
      StructType idType = new StructType().add("article_id", DataTypes.StringType, false);
      SparkRows.Shape idRow = SparkRows.shape(idType);
      Dataset<Row> wanted =
          spark.createDataFrame(
              ids.stream().map(id -> idRow.row().set("article_id", id).build()).toList(), idType);
      // an id on several rows (one page fetched on several days) has the same text on each: the
      // first row counts; deduplicating here instead of in Spark spares a shuffle
      for (Row r :
          source
              .join(broadcast(wanted), "article_id")
              .select(col("article_id"), bucketsOf.as("buckets"))
              .collectAsList()) {
        buckets.computeIfAbsent(
            r.getAs("article_id"), id -> ints(r.getList(r.fieldIndex("buckets"))));
      }
      for (String id : ids) {
        if (!buckets.containsKey(id)) {
          // the signatures and the rows disagree: a bug, never a reason to guess
          throw new IllegalStateException("no shingles for candidate article " + id);
        }
      }
    }
    List<Row> rows = new ArrayList<>();
    SparkRows.Shape marksRow = SparkRows.shape(MARKS);
    NearDuplicates.marks(docs, candidates, buckets, window)
        .forEach(
            (id, m) ->
                rows.add(
                    marksRow
                        .row()
                        .set("article_id", id)
                        .set("duplicate_of", m.duplicateOf())
                        .set("syndicated", m.syndicated())
                        .build()));
    return spark.createDataFrame(rows, MARKS);
  }

  private static Long micros(Timestamp t) {
    if (t == null) {
      return null;
    }
    return Math.addExact(Math.multiplyExact(t.getTime() / 1000, 1_000_000L), t.getNanos() / 1000);
  }

  private static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** The same rules as {@link NearDuplicates#marks}, as Spark joins (sets too large to collect). */
  static Dataset<Row> inSpark(Dataset<Row> articles, NearDuplicates.Window window) {
    Dataset<Row> docs = sketched(articles).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      UserDefinedFunction bandKeys =
          udf(
              (UDF1<scala.collection.Seq<Integer>, scala.collection.Seq<Long>>)
                  sig -> {
                    int[] s = ints(scala.jdk.javaapi.CollectionConverters.asJava(sig));
                    List<Long> keys = new ArrayList<>(NearDuplicates.BANDS);
                    for (int b = 0; b < NearDuplicates.BANDS; b++) {
                      keys.add(NearDuplicates.bandKey(s, b));
                    }
                    return scala.jdk.javaapi.CollectionConverters.asScala(keys).toSeq();
                  },
              DataTypes.createArrayType(DataTypes.LongType, false));
      Dataset<Row> bands =
          docs.select(
              col("article_id"),
              posexplode(bandKeys.apply(col("signature"))).as(new String[] {"band", "key"}));
      Dataset<Row> candidates =
          bands
              .as("x")
              .join(bands.as("y"), SparkTables.seq("band", "key"))
              .select(col("x.article_id").as("a"), col("y.article_id").as("b"))
              .filter(col("a").lt(col("b")))
              .distinct();
      UserDefinedFunction shingles =
          udf(
              (UDF1<String, int[]>) text -> TextSketch.of(text).buckets(),
              DataTypes.createArrayType(DataTypes.IntegerType, false));
      UserDefinedFunction similar =
          udf(
              (UDF2<scala.collection.Seq<Integer>, scala.collection.Seq<Integer>, Boolean>)
                  (x, y) ->
                      NearDuplicates.similar(
                          ints(scala.jdk.javaapi.CollectionConverters.asJava(x)),
                          ints(scala.jdk.javaapi.CollectionConverters.asJava(y))),
              DataTypes.BooleanType);
      // the earliest time of an id (the same page may be stored on several days)
      Dataset<Row> times =
          docs.groupBy("article_id").agg(org.apache.spark.sql.functions.min("t").as("t"));
      Dataset<Row> candidateIds =
          candidates
              .select(col("a").as("article_id"))
              .union(candidates.select(col("b").as("article_id")))
              .distinct();
      Dataset<Row> sets =
          docs.join(candidateIds, "article_id")
              .dropDuplicates("article_id")
              .select(col("article_id"), shingles.apply(col("text")).as("buckets"))
              .join(times, "article_id");
      Dataset<Row> fa = sets.toDF("a", "fa", "ta");
      Dataset<Row> fb = sets.toDF("b", "fb", "tb");
      Dataset<Row> pairs =
          candidates
              .join(fa, "a")
              .join(fb, "b")
              .filter(
                  col("ta")
                      .isNull()
                      .or(col("tb").isNull())
                      .or(
                          abs(unix_micros(col("ta")).minus(unix_micros(col("tb"))))
                              .leq(lit(window.micros()))))
              .filter(similar.apply(col("fa"), col("fb")))
              .select("a", "ta", "b", "tb");
      // both directions: for each article, the earliest of its near-duplicates (itself included)
      Dataset<Row> edges =
          pairs
              .select(col("a").as("article_id"), col("b").as("candidate"), col("tb").as("ct"))
              .union(
                  pairs.select(
                      col("b").as("article_id"), col("a").as("candidate"), col("ta").as("ct")));
      Dataset<Row> linked = edges.select("article_id").distinct();
      Dataset<Row> earliest =
          edges
              .union(
                  times
                      .join(linked, "article_id")
                      .select(
                          col("article_id"), col("article_id").as("candidate"), col("t").as("ct")))
              .withColumn(
                  "_rank",
                  row_number()
                      .over(
                          Window.partitionBy("article_id")
                              .orderBy(col("ct").asc_nulls_first(), col("candidate"))))
              .filter(col("_rank").equalTo(1))
              .select(
                  col("article_id"),
                  when(col("candidate").notEqual(col("article_id")), col("candidate"))
                      .as("duplicate_of"),
                  lit(true).as("syndicated"))
              .persist(StorageLevel.MEMORY_AND_DISK());
      earliest.count();
      return earliest;
    } finally {
      docs.unpersist();
    }
  }
}

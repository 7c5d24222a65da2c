package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.jobs.ingest.ProcessedRows;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SparkTables;

/**
 * Marks near-duplicate articles ({@link NearDuplicates}: LSH banding over the MinHash signatures
 * the processing pass computed, confirmed by the exact Jaccard similarity of the word 5-shingle
 * sets). Up to {@link FramelensConf#NEARDUP_DRIVER_MAX} articles (200,000) the signatures are
 * compared on the driver: one small job collects ids, times and signatures, a second the shingle
 * sets of the candidates only; larger runs apply the same rules in Spark. Either way no text is
 * read again.
 */
public final class Syndication {
  private Syndication() {}

  static final StructType MARKS =
      new StructType()
          .add("article_id", DataTypes.StringType, false)
          .add("duplicate_of", DataTypes.StringType, true)
          .add("syndicated", DataTypes.BooleanType, false);

  /**
   * Adds {@code duplicate_of} and {@code syndicated} to the articles of {@code kept} (rows of the
   * processing pass: the {@code article} struct and the sketch columns) and returns the articles'
   * columns.
   */
  public static Dataset<Row> mark(Dataset<Row> kept) {
    return mark(kept, -1);
  }

  /**
   * As {@link #mark(Dataset)}, with an upper bound of the articles in {@code kept} (the processing
   * pass counted them), or -1 to count them first.
   */
  public static Dataset<Row> mark(Dataset<Row> kept, long articlesAtMost) {
    SparkSession spark = kept.sparkSession();
    Dataset<Row> sketched =
        kept.filter(col(ProcessedRows.SKETCH_SIGNATURE).isNotNull())
            .select(
                col("article.article_id").as("article_id"),
                coalesce(col("article.published_at"), col("article.crawl_time")).as("t"),
                col(ProcessedRows.SKETCH_SIGNATURE).as("signature"),
                col(ProcessedRows.SKETCH_BUCKETS).as("buckets"));
    long localMax = FramelensConf.nearDuplicatesDriverMax(spark);
    long n = articlesAtMost >= 0 ? articlesAtMost : sketched.count();
    Dataset<Row> marks = n <= localMax ? broadcast(onDriver(spark, sketched)) : inSpark(sketched);
    return kept.select("article.*")
        .join(marks, SparkTables.seq("article_id"), "left")
        .withColumn("syndicated", coalesce(col("syndicated"), lit(false)));
  }

  /** The marks computed on the driver from the collected signatures (a small dataset). */
  static Dataset<Row> onDriver(SparkSession spark, Dataset<Row> sketched) {
    List<Row> slim = sketched.select("article_id", "t", "signature").collectAsList();
    List<NearDuplicates.Doc> docs = new ArrayList<>(slim.size());
    for (Row r : slim) {
      Timestamp t = r.isNullAt(1) ? null : r.getTimestamp(1);
      docs.add(new NearDuplicates.Doc(r.getString(0), micros(t), ints(r.getList(2))));
    }
    Set<NearDuplicates.Pair> candidates = NearDuplicates.candidates(docs);
    Map<String, int[]> buckets = new HashMap<>();
    if (!candidates.isEmpty()) {
      Set<String> ids = new HashSet<>();
      for (NearDuplicates.Pair p : candidates) {
        ids.add(p.a());
        ids.add(p.b());
      }
      Dataset<Row> wanted =
          spark.createDataFrame(
              ids.stream().map(RowFactory::create).toList(),
              new StructType().add("article_id", DataTypes.StringType, false));
      for (Row r :
          sketched
              .join(broadcast(wanted), "article_id")
              .select("article_id", "buckets")
              .collectAsList()) {
        buckets.put(r.getString(0), ints(r.getList(1)));
      }
    }
    List<Row> rows = new ArrayList<>();
    NearDuplicates.marks(docs, candidates, buckets)
        .forEach((id, m) -> rows.add(RowFactory.create(id, m.duplicateOf(), m.syndicated())));
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

  /** The same rules as {@link NearDuplicates#marks}, as Spark joins (runs too large to collect). */
  static Dataset<Row> inSpark(Dataset<Row> sketched) {
    Dataset<Row> docs = sketched.persist(StorageLevel.MEMORY_AND_DISK());
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
      UserDefinedFunction similar =
          udf(
              (UDF2<scala.collection.Seq<Integer>, scala.collection.Seq<Integer>, Boolean>)
                  (x, y) ->
                      NearDuplicates.similar(
                          ints(scala.jdk.javaapi.CollectionConverters.asJava(x)),
                          ints(scala.jdk.javaapi.CollectionConverters.asJava(y))),
              DataTypes.BooleanType);
      Dataset<Row> fa = docs.select("article_id", "t", "buckets").toDF("a", "ta", "fa");
      Dataset<Row> fb = docs.select("article_id", "t", "buckets").toDF("b", "tb", "fb");
      Dataset<Row> pairs =
          candidates
              .join(fa, "a")
              .join(fb, "b")
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
                  docs.join(linked, "article_id")
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

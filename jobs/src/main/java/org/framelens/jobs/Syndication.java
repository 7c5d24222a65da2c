package org.framelens.jobs;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Marks near-duplicate articles (wire copies republished by several outlets, the same story crawled
 * twice): MinHash LSH over word 5-shingles of the body text, pairs with Jaccard similarity at least
 * {@value #MIN_SIMILARITY}. A copy's {@code duplicate_of} is the earliest article among itself and
 * its near-duplicates (publication time, else crawl time, then id).
 */
public final class Syndication {
  private Syndication() {}

  static final double MIN_SIMILARITY = 0.8;

  static final int SHINGLE = 5;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Word 5-shingles of a text, lower case; empty for texts shorter than one shingle. */
  static List<String> shingles(String text) {
    List<String> words = new ArrayList<>();
    if (text != null) {
      Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
      while (m.find()) {
        words.add(m.group());
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i + SHINGLE <= words.size(); i++) {
      out.add(String.join(" ", words.subList(i, i + SHINGLE)));
    }
    return out;
  }

  /** 1 − |A ∩ B| / |A ∪ B| of the non-zero positions of two binary feature vectors. */
  static double jaccardDistance(Vector x, Vector y) {
    int[] a = x.toSparse().indices();
    int[] b = y.toSparse().indices();
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 1.0 : 1.0 - (double) common / union;
  }

  /**
   * Adds {@code duplicate_of} and {@code syndicated} to articles (needs article_id, text, times).
   */
  public static Dataset<Row> mark(Dataset<Row> articles) {
    UserDefinedFunction shingle =
        udf(
            (String text) -> scala.jdk.javaapi.CollectionConverters.asScala(shingles(text)).toSeq(),
            DataTypes.createArrayType(DataTypes.StringType));
    Dataset<Row> docs =
        articles
            .select(
                col("article_id"),
                coalesce(col("published_at"), col("crawl_time")).as("t"),
                shingle.apply(col("text")).as("shingles"))
            .filter(size(col("shingles")).gt(0));
    Dataset<Row> features =
        new HashingTF()
            .setInputCol("shingles")
            .setOutputCol("features")
            .setNumFeatures(1 << 20)
            .setBinary(true)
            .transform(docs)
            .select("article_id", "t", "features")
            // read four times below: shingle and hash each article once
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return articles
          .join(marks(features), "article_id", "left")
          .withColumn("syndicated", coalesce(col("syndicated"), lit(false)));
    } finally {
      features.unpersist();
    }
  }

  /**
   * The articles that have near-duplicates: {@code duplicate_of} (null for the earliest of its
   * group) and {@code syndicated}; computed and kept in memory before returning, so the features
   * can be released.
   */
  private static Dataset<Row> marks(Dataset<Row> features) {
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(8)
            .setSeed(20231007L)
            .setInputCol("features")
            .setOutputCol("hashes")
            .fit(features);
    // The same candidates and distance as model.approxSimilarityJoin (articles sharing a MinHash
    // value in any table, exact Jaccard distance below 1 - MIN_SIMILARITY), but the join and its
    // distinct carry only ids: approxSimilarityJoin shuffles both feature vectors with every
    // candidate row (each article meets itself in all 8 tables), which cost ~13 s for 1,171 pages.
    Dataset<Row> buckets =
        model
            .transform(features)
            .select(col("article_id"), posexplode(col("hashes")).as(new String[] {"table", "h"}))
            .select(
                col("article_id"),
                col("table"),
                vector_to_array(col("h"), "float64").getItem(0).as("h"));
    Dataset<Row> candidates0 =
        buckets
            .as("x")
            .join(buckets.as("y"), SparkTables.seq("table", "h"))
            .select(col("x.article_id").as("a"), col("y.article_id").as("b"))
            .filter(col("a").notEqual(col("b")))
            .distinct();
    UserDefinedFunction jaccardDistance =
        udf((UDF2<Vector, Vector, Double>) Syndication::jaccardDistance, DataTypes.DoubleType);
    Dataset<Row> fa = features.toDF("a", "ta", "fa");
    Dataset<Row> fb = features.toDF("b", "tb", "fb");
    Dataset<Row> pairs =
        candidates0
            .join(fa, "a")
            .join(fb, "b")
            .filter(jaccardDistance.apply(col("fa"), col("fb")).lt(1 - MIN_SIMILARITY))
            .select("a", "ta", "b", "tb");
    // for each article, the earliest of its near-duplicates (itself included)
    Dataset<Row> candidates =
        pairs
            .select(col("a").as("article_id"), col("b").as("candidate"), col("tb").as("ct"))
            .union(
                features.select(
                    col("article_id"), col("article_id").as("candidate"), col("t").as("ct")));
    Dataset<Row> earliest =
        candidates
            .withColumn(
                "_rank",
                row_number()
                    .over(Window.partitionBy("article_id").orderBy(col("ct"), col("candidate"))))
            .filter(col("_rank").equalTo(1))
            .select(col("article_id"), col("candidate").as("_earliest"));
    Dataset<Row> syndicated =
        pairs.select(col("a").as("article_id")).distinct().withColumn("_syn", lit(true));
    Dataset<Row> marks =
        earliest
            .join(syndicated, "article_id", "left")
            .select(
                col("article_id"),
                when(col("_earliest").notEqual(col("article_id")), col("_earliest"))
                    .as("duplicate_of"),
                coalesce(col("_syn"), lit(false)).as("syndicated"))
            .filter(col("duplicate_of").isNotNull().or(col("syndicated")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    marks.count();
    return marks;
  }
}

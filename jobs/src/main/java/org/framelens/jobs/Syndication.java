package org.framelens.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

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
            // the self-join copies both rows into every candidate pair: carry no shingle arrays
            .select("article_id", "t", "features");
    MinHashLSHModel model =
        new MinHashLSH()
            .setNumHashTables(8)
            .setSeed(20231007L)
            .setInputCol("features")
            .setOutputCol("hashes")
            .fit(features);
    Dataset<Row> pairs =
        model
            .approxSimilarityJoin(features, features, 1 - MIN_SIMILARITY, "distance")
            .select(
                col("datasetA.article_id").as("a"),
                col("datasetA.t").as("ta"),
                col("datasetB.article_id").as("b"),
                col("datasetB.t").as("tb"))
            .filter(col("a").notEqual(col("b")));
    // for each article, the earliest of its near-duplicates (itself included)
    Dataset<Row> candidates =
        pairs
            .select(col("a").as("article_id"), col("b").as("candidate"), col("tb").as("ct"))
            .union(
                docs.select(
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
    return articles
        .join(earliest, "article_id", "left")
        .join(syndicated, "article_id", "left")
        .withColumn(
            "duplicate_of", when(col("_earliest").notEqual(col("article_id")), col("_earliest")))
        .withColumn("syndicated", coalesce(col("_syn"), lit(false)))
        .drop("_earliest", "_syn");
  }
}

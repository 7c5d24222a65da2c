package org.framelens.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;

/** Per outlet × day × frame comparison table, from articles and hits (no I/O). */
public final class OutletFrames {
  private OutletFrames() {}

  /**
   * @param frames every frame of the lexicon: an outlet that never used one still gets a row with
   *     zero hits, so shares compare across outlets
   */
  public static Dataset<Row> compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> hits,
      List<String> frames,
      String lexiconVersion) {
    Dataset<Row> periods =
        articles.select(
            col("article_id"),
            col("outlet"),
            coalesce(to_date(col("published_at")), col("crawl_date")).as("period"),
            col("token_count"));
    Dataset<Row> totals =
        periods
            .groupBy("outlet", "period")
            .agg(count(lit(1)).as("articles"), sum(col("token_count").cast("long")).as("tokens"));
    Dataset<Row> frameCounts =
        hits.select("article_id", "frame", "voice")
            .join(periods.select("article_id", "period", "outlet"), "article_id")
            .groupBy("outlet", "period", "frame")
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
            .join(frameCounts, scalaSeq("outlet", "period", "frame"), "left")
            .na()
            .fill(0L, new String[] {"articles_with_frame", "hits", "hits_own", "hits_quoted"});
    Dataset<Row> withRates =
        grid.withColumn("share", col("articles_with_frame").divide(col("articles")))
            .withColumn(
                "rate_per_10k_tokens",
                when(col("tokens").gt(0), col("hits").multiply(10000.0).divide(col("tokens")))
                    .otherwise(0.0))
            .withColumn("lexicon_version", lit(lexiconVersion));
    return SparkTables.conform(withRates, Tables.OUTLET_FRAMES)
        .orderBy("outlet", "period", "frame");
  }

  static scala.collection.immutable.Seq<String> scalaSeq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}

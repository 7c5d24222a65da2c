package org.framelens.jobs.validate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.ArticleSampler;
import org.framelens.common.validate.SheetItem;
import org.framelens.common.validate.StratifiedSample;
import org.framelens.jobs.spark.SparkTables;

/**
 * Draws the coding sample from a run's output: the originals among the articles (near-duplicate
 * copies left out, each article once however often it was fetched), each with its frame hits. Every
 * Spark task keeps its own seeded bottom-k per stratum; the driver merges them, so the sample
 * depends on the seed and the data only.
 */
public final class ValidationSample {
  private ValidationSample() {}

  /**
   * @param languages languages to sample; empty: the languages of the run's frame hits
   * @param frames frames to sample; empty: all
   */
  public static List<SheetItem> draw(
      SparkSession spark,
      String output,
      long seed,
      int perCell,
      Set<String> frames,
      Set<String> languages,
      boolean byOutlet) {
    Dataset<Row> articles =
        spark
            .read()
            .schema(SparkTables.structType(Tables.ARTICLES))
            .parquet(new Path(output, Tables.ARTICLES.name()).toString())
            .filter(col("duplicate_of").isNull())
            .select("article_id", "url", "outlet", "lang", "title", "text")
            .dropDuplicates("article_id");
    Dataset<Row> hits =
        spark
            .read()
            .schema(SparkTables.structType(Tables.FRAME_HITS))
            .parquet(new Path(output, Tables.FRAME_HITS.name()).toString())
            .filter(col("frame").startsWith("entity:").unary_$bang());
    Set<String> paragraphLanguages = new TreeSet<>(languages);
    if (paragraphLanguages.isEmpty()) {
      for (Row r : hits.select("lang").distinct().collectAsList()) {
        paragraphLanguages.add(r.getAs("lang"));
      }
    }
    // a page fetched on several days has its hits once per day: collect_set keeps one
    Dataset<Row> hitsPerArticle =
        hits.groupBy("article_id")
            .agg(
                collect_set(
                        struct(
                            col("frame"),
                            col("lang"),
                            col("term"),
                            col("matched_text"),
                            col("section"),
                            col("start"),
                            col("end"),
                            col("voice")))
                    .as("hits"));
    Dataset<Row> joined =
        articles
            .join(
                hitsPerArticle,
                articles.col("article_id").equalTo(hitsPerArticle.col("article_id")),
                "left_outer")
            .drop(hitsPerArticle.col("article_id"));
    ArticleSampler.Options options =
        new ArticleSampler.Options(seed, frames, languages, paragraphLanguages, byOutlet);
    List<StratifiedSample.Candidate> perTask =
        joined
            .toJavaRDD()
            .mapPartitions(
                rows -> {
                  ArticleSampler sampler = new ArticleSampler(options);
                  StratifiedSample sample = new StratifiedSample(perCell);
                  while (rows.hasNext()) {
                    Row r = rows.next();
                    List<ArticleSampler.Hit> articleHits = new ArrayList<>();
                    List<Row> hs =
                        r.isNullAt(r.fieldIndex("hits"))
                            ? List.of()
                            : r.getList(r.fieldIndex("hits"));
                    for (Row h : hs) {
                      articleHits.add(
                          new ArticleSampler.Hit(
                              h.getAs("frame"),
                              h.getAs("lang"),
                              h.getAs("term"),
                              h.getAs("matched_text"),
                              h.getAs("section"),
                              h.<Integer>getAs("start"),
                              h.<Integer>getAs("end"),
                              h.getAs("voice")));
                    }
                    ArticleSampler.Article a =
                        new ArticleSampler.Article(
                            r.getAs("article_id"),
                            r.getAs("url"),
                            r.getAs("outlet"),
                            r.getAs("lang"),
                            r.getAs("title"),
                            r.getAs("text"));
                    sampler.candidates(a, articleHits).forEach(sample::offer);
                  }
                  return sample.result().iterator();
                })
            .collect();
    StratifiedSample merged = new StratifiedSample(perCell);
    perTask.forEach(merged::offer);
    // coders work a language at a time: hits first, frames and outlets mixed in random order
    List<StratifiedSample.Candidate> result = new ArrayList<>(merged.result());
    result.sort(
        Comparator.comparing((StratifiedSample.Candidate c) -> c.item().lang())
            .thenComparing(c -> c.item().isHit() ? 0 : 1)
            .thenComparingLong(StratifiedSample.Candidate::key)
            .thenComparing(c -> c.item().itemId()));
    return result.stream().map(StratifiedSample.Candidate::item).toList();
  }
}

package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.framelens.jobs.spark.TableFixtures.row;
import static org.framelens.jobs.spark.TableFixtures.table;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/** The comparison tables from hand-made articles and hits, by both ways of grouping them. */
class ComparisonsTest {
  private static final List<String> FRAMES = List.of("terrorism", "resistance");

  private final SparkSession spark = SparkTestSession.get();

  private static final Date OCT7 = Date.valueOf("2023-10-07");
  private static final Date OCT8 = Date.valueOf("2023-10-08");

  private Dataset<Row> articles() {
    return table(
        spark,
        Tables.ARTICLES,
        // the same undated page fetched unchanged on two crawl days: one article id
        article("p1", "a-outlet", null, OCT7, 100),
        article("p1", "a-outlet", null, OCT8, 100),
        article("p2", "b-outlet", Timestamp.valueOf("2023-10-07 10:00:00"), OCT7, 50));
  }

  private static Row article(
      String id, String outlet, Timestamp publishedAt, Date crawlDate, int tokens) {
    return row(
        Tables.ARTICLES,
        "article_id",
        id,
        "outlet",
        outlet,
        "published_at",
        publishedAt,
        "crawl_date",
        crawlDate,
        "token_count",
        tokens);
  }

  private Dataset<Row> hits() {
    List<Row> rows = new ArrayList<>();
    for (Date fetch : List.of(OCT7, OCT8)) {
      // each fetch of p1 carries the same hits
      rows.add(hit("p1", "a-outlet", "terrorism", "terror group", "own", fetch));
      rows.add(hit("p1", "a-outlet", "terrorism", "terror group", "quoted", fetch));
      rows.add(hit("p1", "a-outlet", "entity:hamas", "Hamas", "own", fetch));
      rows.add(hit("p1", "a-outlet", "entity:gaza", "Gaza", "own", fetch));
    }
    rows.add(hit("p2", "b-outlet", "resistance", "resistance movement", "own", OCT7));
    rows.add(hit("p2", "b-outlet", "entity:hamas", "Hamas", "own", OCT7));
    rows.add(hit("p2", "b-outlet", "entity:gaza", "Gaza", "own", OCT7));
    return table(spark, Tables.FRAME_HITS, rows);
  }

  private static Row hit(
      String article, String outlet, String frame, String term, String voice, Date crawlDate) {
    return row(
        Tables.FRAME_HITS,
        "article_id",
        article,
        "outlet",
        outlet,
        "frame",
        frame,
        "lang",
        "en",
        "term",
        term,
        "matched_text",
        term,
        "voice",
        voice,
        "crawl_date",
        crawlDate);
  }

  @Test
  void aPageFetchedUnchangedOnTwoCrawlDaysCountsOnceAsItsFirstFetchOnBothPaths() {
    Comparisons.Result local =
        Comparisons.compute(
            spark, articles(), hits(), FRAMES, "v", false, Comparisons.LOCAL_MAX_ROWS);
    Comparisons.Result distributed =
        Comparisons.compute(spark, articles(), hits(), FRAMES, "v", false, 0);
    assertThat(local.groupedOnDriver()).isTrue();
    assertThat(distributed.groupedOnDriver()).isFalse();
    for (Comparisons.Result r : List.of(local, distributed)) {
      Row run =
          r.outletFrames()
              .filter(
                  col("period_type")
                      .equalTo("run")
                      .and(col("outlet").equalTo("a-outlet"))
                      .and(col("frame").equalTo("terrorism")))
              .first();
      assertThat(run.<Long>getAs("articles")).isEqualTo(1);
      assertThat(run.<Long>getAs("hits")).isEqualTo(2);
      assertThat(run.<Long>getAs("hits_quoted")).isEqualTo(1);
      assertThat(run.<Long>getAs("tokens")).isEqualTo(100);
      assertThat(run.<Long>getAs("articles_dated_by_crawl")).isEqualTo(1);
      // placed on its first crawl day only
      assertThat(
              r.outletFrames()
                  .filter(col("period_type").equalTo("day").and(col("outlet").equalTo("a-outlet")))
                  .select("period")
                  .distinct()
                  .collectAsList())
          .extracting(x -> x.getAs("period").toString())
          .containsExactly("2023-10-07");
      Row pair = r.outletPairs().filter(col("period_type").equalTo("run")).first();
      assertThat(pair.<Long>getAs("hits_a")).isEqualTo(2);
      List<Row> story = r.storyFrames().collectAsList();
      assertThat(story).isNotEmpty();
      for (Row s : story) {
        assertThat(s.<Long>getAs("story_articles")).isEqualTo(2);
        assertThat(s.getAs("story_start").toString()).isEqualTo("2023-10-07");
      }
      Row term = r.frameTerms().filter(col("frame").equalTo("terrorism")).first();
      assertThat(term.<Long>getAs("hits")).isEqualTo(2);
    }
    local.release();
    distributed.release();
    distributed.release(); // releasing twice is harmless
  }
}

package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.jobs.spark.SparkTestSession;
import org.junit.jupiter.api.Test;

/** The comparison tables from hand-made articles and hits, by both ways of grouping them. */
class ComparisonsTest {
  private static final List<String> FRAMES = List.of("terrorism", "resistance");

  private final SparkSession spark = SparkTestSession.get();

  private static final Date OCT7 = Date.valueOf("2023-10-07");
  private static final Date OCT8 = Date.valueOf("2023-10-08");

  private Dataset<Row> articles() {
    StructType type =
        new StructType()
            .add("article_id", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("crawl_date", DataTypes.DateType)
            .add("token_count", DataTypes.IntegerType)
            .add("duplicate_of", DataTypes.StringType);
    return spark.createDataFrame(
        List.of(
            // the same undated page fetched unchanged on two crawl days: one article id
            RowFactory.create("p1", "a-outlet", null, OCT7, 100, null),
            RowFactory.create("p1", "a-outlet", null, OCT8, 100, null),
            RowFactory.create(
                "p2", "b-outlet", Timestamp.valueOf("2023-10-07 10:00:00"), OCT7, 50, null)),
        type);
  }

  private Dataset<Row> hits() {
    StructType type =
        new StructType()
            .add("article_id", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("frame", DataTypes.StringType)
            .add("lang", DataTypes.StringType)
            .add("term", DataTypes.StringType)
            .add("matched_text", DataTypes.StringType)
            .add("voice", DataTypes.StringType)
            .add("crawl_date", DataTypes.DateType);
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
    return spark.createDataFrame(rows, type);
  }

  private static Row hit(
      String article, String outlet, String frame, String term, String voice, Date crawlDate) {
    return RowFactory.create(article, outlet, frame, "en", term, term, voice, crawlDate);
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
      assertThat(run.getLong(run.fieldIndex("articles"))).isEqualTo(1);
      assertThat(run.getLong(run.fieldIndex("hits"))).isEqualTo(2);
      assertThat(run.getLong(run.fieldIndex("hits_quoted"))).isEqualTo(1);
      assertThat(run.getLong(run.fieldIndex("tokens"))).isEqualTo(100);
      assertThat(run.getLong(run.fieldIndex("articles_dated_by_crawl"))).isEqualTo(1);
      // placed on its first crawl day only
      assertThat(
              r.outletFrames()
                  .filter(col("period_type").equalTo("day").and(col("outlet").equalTo("a-outlet")))
                  .select("period")
                  .distinct()
                  .collectAsList())
          .extracting(x -> x.getDate(0).toString())
          .containsExactly("2023-10-07");
      Row pair = r.outletPairs().filter(col("period_type").equalTo("run")).first();
      assertThat(pair.getLong(pair.fieldIndex("hits_a"))).isEqualTo(2);
      List<Row> story = r.storyFrames().collectAsList();
      assertThat(story).isNotEmpty();
      for (Row s : story) {
        assertThat(s.getLong(s.fieldIndex("story_articles"))).isEqualTo(2);
        assertThat(s.getDate(s.fieldIndex("story_start")).toString()).isEqualTo("2023-10-07");
      }
      Row term = r.frameTerms().filter(col("frame").equalTo("terrorism")).first();
      assertThat(term.getLong(term.fieldIndex("hits"))).isEqualTo(2);
    }
    local.release();
    distributed.release();
    distributed.release(); // releasing twice is harmless
  }
}

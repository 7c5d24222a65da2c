package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.google.common.base.Suppliers;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.compare.Period;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * The grouping behind the comparison tables in Spark, for runs of any size: Spark reduces the
 * articles and hits to small day-level counts in a few shuffles and groups them; {@link GroupRows}
 * turns each group into rows. {@link LocalComparisons} is the same grouping on the driver.
 */
final class SparkComparisons {
  private SparkComparisons() {}

  /**
   * The four tables from the slim articles and hits of {@link Comparisons#compute}; both are kept
   * in memory until {@link Comparisons.Result#release}, as the tables read them many times over.
   */
  static Comparisons.Result tables(
      SparkSession spark,
      Dataset<Row> slimArticles,
      Dataset<Row> slimHits,
      List<String> frames,
      GroupRows.Stamp stamp,
      boolean includeCopies) {
    Dataset<Row> cachedArticles = slimArticles.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> hits = slimHits.persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(cachedArticles, hits));
    Dataset<Row> fetches = Comparisons.fetches(cachedArticles, includeCopies);
    // A page fetched unchanged on several crawl days has one article id and a row (with its hits)
    // per day: the article counts once, as its first fetch.
    Dataset<Row> dated =
        fetches
            .groupBy("article_id")
            .agg(
                min(struct("crawl_date", "outlet", "date", "dated_by_crawl", "token_count"))
                    .as("first"))
            .select(
                col("article_id"),
                col("first.outlet").as("outlet"),
                col("first.date").as("date"),
                col("first.dated_by_crawl").as("dated_by_crawl"),
                col("first.token_count").as("token_count"),
                col("first.crawl_date").as("crawl_date"));
    // the joins with the counted fetches drop the hits of copies and of later fetches; outlet and
    // day are the article's
    Dataset<Row> frameHits =
        hits.filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX).unary_$bang())
            .select("article_id", "crawl_date", "frame", "lang", "term", "matched_text", "voice")
            .join(
                dated.select("article_id", "crawl_date", "outlet", "date"),
                SparkTables.seq("article_id", "crawl_date"))
            .drop("crawl_date");
    Dataset<Row> entityHits =
        hits.filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX))
            .select("article_id", "crawl_date", "frame")
            .join(
                dated.select("article_id", "crawl_date"),
                SparkTables.seq("article_id", "crawl_date"))
            .drop("crawl_date");

    // The cells are small (per outlet and day) but come out of a union of two shuffles: as they
    // are, every pass over them (the prior, each period grouping) would run twice the shuffle
    // partitions as tasks, mostly empty.
    Dataset<Row> cells =
        dayCells(dated, frameHits)
            .coalesce(spark.sparkContext().defaultParallelism())
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(cells);

    Supplier<GroupRows.RunTotals> totals = Suppliers.memoize(() -> runTotals(cells));
    KeyValueGroupedDataset<String, Row> periods = byPeriod(cells);
    ArrayList<String> frameList = new ArrayList<>(frames);
    // the story links are found once (a Spark job and a union-find on the driver) for both tables
    // that need them
    Supplier<StoryLinks> links = Suppliers.memoize(() -> storyLinks(dated, entityHits));
    return new Comparisons.Result(
        () ->
            periods.flatMapGroups(
                new GroupRows.OutletFramesOfPeriod(frameList, totals.get(), stamp),
                encoder(Tables.OUTLET_FRAMES)),
        () ->
            periods.flatMapGroups(
                new GroupRows.OutletPairsOfPeriod(frameList, totals.get().runStart(), stamp),
                encoder(Tables.OUTLET_PAIRS)),
        () -> frameTerms(frameHits, stamp),
        () -> storyFrames(spark, links.get(), dated, frameHits, entityHits, stamp),
        () ->
            storyCells(spark, links.get(), dated, frameHits)
                .groupByKey(
                    (MapFunction<Row, String>) r -> r.getAs("period_key"), Encoders.STRING())
                .flatMapGroups(
                    new GroupRows.StoryContrastsOfPeriod(frameList, totals.get().runStart(), stamp),
                    encoder(Tables.STORY_CONTRASTS)),
        cached,
        List.of());
  }

  /** The run's totals from its {@link GroupRows#DAY_CELL} rows. */
  static GroupRows.RunTotals runTotals(Dataset<Row> cells) {
    HashMap<String, Long> prior = new HashMap<>();
    long priorTotal = 0;
    LocalDate runStart = null;
    for (Row r :
        cells
            .groupBy("frame")
            .agg(sum("hits").as("hits"), min("date").as("first_day"))
            .collectAsList()) {
      // the article cells (no frame) count no hits but may hold the run's first day
      if (!r.isNullAt(r.fieldIndex("frame"))) {
        prior.put(r.getAs("frame"), r.<Long>getAs("hits"));
        priorTotal += r.<Long>getAs("hits");
      }
      LocalDate first =
          r.isNullAt(r.fieldIndex("first_day")) ? null : GroupRows.localDate(r.getAs("first_day"));
      runStart = runStart == null || (first != null && first.isBefore(runStart)) ? first : runStart;
    }
    return new GroupRows.RunTotals(prior, priorTotal, runStart);
  }

  /** The {@link GroupRows#DAY_CELL} rows of the counted articles and their frame hits. */
  static Dataset<Row> dayCells(Dataset<Row> dated, Dataset<Row> frameHits) {
    Column zero = lit(0L);
    Dataset<Row> articleDays =
        dated
            .groupBy("outlet", "date")
            .agg(
                count(lit(1)).as("articles"),
                coalesce(sum(col("token_count").cast("long")), zero).as("tokens"),
                sum(when(col("dated_by_crawl"), 1).otherwise(0)).cast("long").as("dated_by_crawl"))
            .select(
                col("outlet"),
                col("date"),
                lit(null).cast("string").as("frame"),
                col("articles"),
                col("tokens"),
                col("dated_by_crawl"),
                zero.as("articles_with_frame"),
                zero.as("hits"),
                zero.as("hits_own"),
                zero.as("hits_quoted"));
    // per article and frame first: articles_with_frame counts articles
    Dataset<Row> frameDays =
        frameHits
            .groupBy("article_id", "outlet", "date", "frame")
            .agg(
                count(lit(1)).as("hits"),
                sum(when(col("voice").equalTo("own"), 1).otherwise(0)).cast("long").as("own"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0)).cast("long").as("quoted"))
            .groupBy("outlet", "date", "frame")
            .agg(
                count(lit(1)).as("articles_with_frame"),
                sum("hits").as("hits"),
                sum("own").as("hits_own"),
                sum("quoted").as("hits_quoted"))
            .select(
                col("outlet"),
                col("date"),
                col("frame"),
                zero.as("articles"),
                zero.as("tokens"),
                zero.as("dated_by_crawl"),
                col("articles_with_frame"),
                col("hits"),
                col("hits_own"),
                col("hits_quoted"));
    return articleDays.unionByName(frameDays);
  }

  /** Each day cell under its three periods (day, week, run), grouped by period key. */
  static KeyValueGroupedDataset<String, Row> byPeriod(Dataset<Row> cells) {
    // the cells' own schema (its nullability as Spark derived it), plus the key
    StructType keyed = cells.schema().add("period_key", DataTypes.StringType, false);
    SparkRows.Shape keyedRow = SparkRows.shape(keyed);
    String[] cellColumns = cells.columns();
    FlatMapFunction<Row, Row> expand =
        r -> {
          List<Row> out = new ArrayList<>(3);
          for (Period p : Period.of(GroupRows.localDate(r.getAs("date")))) {
            SparkRows.Builder keyedCell = keyedRow.row().set("period_key", p.key());
            for (String c : cellColumns) {
              keyedCell.set(c, r.getAs(c));
            }
            out.add(keyedCell.build());
          }
          return out.iterator();
        };
    return cells
        .flatMap(expand, ExpressionEncoder.apply(keyed))
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("period_key"), Encoders.STRING());
  }

  /** frame_terms: {@link GroupRows#TERM_FORM} rows, then one group per (outlet, frame). */
  static Dataset<Row> frameTerms(Dataset<Row> frameHits, GroupRows.Stamp stamp) {
    Dataset<Row> forms =
        frameHits
            .groupBy("outlet", "frame", "lang", "term", "matched_text")
            .agg(
                count(lit(1)).as("hits"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0))
                    .cast("long")
                    .as("hits_quoted"));
    return forms
        .groupByKey(
            (MapFunction<Row, String>)
                r -> r.<String>getAs("outlet") + '\u0000' + r.<String>getAs("frame"),
            Encoders.STRING())
        .flatMapGroups(new GroupRows.FrameTermsOfOutlet(stamp), encoder(Tables.FRAME_TERMS));
  }

  /** Each counted article's distinct entities: article_id, entity, outlet, date. */
  private static Dataset<Row> mentions(Dataset<Row> dated, Dataset<Row> entityHits) {
    return entityHits
        .select(col("article_id"), col("frame").as("entity"))
        .distinct()
        .join(dated.select("article_id", "outlet", "date"), "article_id");
  }

  /**
   * The articles linked as {@link StoryLinks} says, in Spark; joined into stories on the driver.
   */
  static StoryLinks storyLinks(Dataset<Row> dated, Dataset<Row> entityHits) {
    Dataset<Row> mentions = mentions(dated, entityHits);
    Dataset<Row> a = mentions.toDF("a", "entity", "outlet_a", "date_a");
    Dataset<Row> b = mentions.toDF("b", "entity", "outlet_b", "date_b");
    Dataset<Row> edges =
        a.join(b, "entity")
            .filter(
                col("a")
                    .lt(col("b"))
                    .and(abs(datediff(col("date_a"), col("date_b"))).leq(StoryLinks.WINDOW_DAYS)))
            .groupBy("a", "b")
            .agg(count(lit(1)).as("shared"))
            .filter(col("shared").geq(StoryLinks.MIN_SHARED_ENTITIES))
            .select("a", "b");
    StoryLinks links = new StoryLinks();
    for (Row e : edges.collectAsList()) {
      links.link(e.getAs("a"), e.getAs("b"));
    }
    return links;
  }

  /** The story of each linked article, as a table. */
  private static Dataset<Row> storyOfArticle(SparkSession spark, StoryLinks links) {
    List<Row> storyOfArticle = new ArrayList<>();
    SparkRows.Shape storyOfArticleRow = SparkRows.shape(STORY_OF_ARTICLE);
    // two tables' writer threads ask at once, and storyOf shortens the links' paths as it goes
    synchronized (links) {
      for (String id : links.articles()) {
        storyOfArticle.add(
            storyOfArticleRow
                .row()
                .set("article_id", id)
                .set("story_id", links.storyOf(id))
                .build());
      }
    }
    return spark.createDataFrame(storyOfArticle, STORY_OF_ARTICLE);
  }

  /**
   * The {@link GroupRows#STORY_CELL} rows of the counted articles: each under its story (its own id
   * when in none) in its contrast periods, once for all of them and once per frame it has.
   */
  static Dataset<Row> storyCells(
      SparkSession spark, StoryLinks links, Dataset<Row> dated, Dataset<Row> frameHits) {
    Dataset<Row> storied =
        dated
            .select("article_id", "outlet", "date")
            .join(storyOfArticle(spark, links), SparkTables.seq("article_id"), "left")
            .select(
                col("article_id"),
                coalesce(col("story_id"), col("article_id")).as("story_id"),
                col("outlet"),
                col("date"));
    Dataset<Row> withFrames =
        storied
            .select(
                col("article_id"),
                col("story_id"),
                col("outlet"),
                col("date"),
                lit(null).cast("string").as("frame"))
            .unionByName(
                frameHits
                    .select("article_id", "frame")
                    .distinct()
                    .join(storied, "article_id")
                    .select("article_id", "story_id", "outlet", "date", "frame"));
    StructType keyed =
        new StructType()
            .add("period_key", DataTypes.StringType, false)
            .add("story_id", DataTypes.StringType)
            .add("outlet", DataTypes.StringType)
            .add("frame", DataTypes.StringType);
    SparkRows.Shape keyedRow = SparkRows.shape(keyed);
    FlatMapFunction<Row, Row> expand =
        r -> {
          List<Row> out = new ArrayList<>(2);
          for (Period p : GroupRows.contrastPeriods(GroupRows.localDate(r.getAs("date")))) {
            out.add(
                keyedRow
                    .row()
                    .set("period_key", p.key())
                    .set("story_id", r.getAs("story_id"))
                    .set("outlet", r.getAs("outlet"))
                    .set("frame", r.getAs("frame"))
                    .build());
          }
          return out.iterator();
        };
    return withFrames
        .flatMap(expand, ExpressionEncoder.apply(keyed))
        .groupBy("period_key", "story_id", "outlet", "frame")
        .agg(count(lit(1)).as("articles"));
  }

  /** An article and the story it belongs to: the story links, back from the driver. */
  private static final StructType STORY_OF_ARTICLE =
      new StructType()
          .add("article_id", DataTypes.StringType)
          .add("story_id", DataTypes.StringType);

  /**
   * story_frames: the articles linked as {@link StoryLinks} says, in Spark; the links joined into
   * stories on the driver; then {@link GroupRows#STORY_MEMBER} rows, one group per story.
   */
  static Dataset<Row> storyFrames(
      SparkSession spark,
      StoryLinks links,
      Dataset<Row> dated,
      Dataset<Row> frameHits,
      Dataset<Row> entityHits,
      GroupRows.Stamp stamp) {
    Dataset<Row> mentions = mentions(dated, entityHits);
    StructType storyType = SparkTables.structType(Tables.STORY_FRAMES);
    if (links.articles().isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), storyType);
    }
    Dataset<Row> labels = storyOfArticle(spark, links);
    Column none = lit(null).cast("string");
    Dataset<Row> members =
        labels
            .join(dated.select("article_id", "outlet", "date"), "article_id")
            .select(
                col("story_id"),
                lit("a").as("kind"),
                col("outlet"),
                col("date"),
                none.as("name"),
                lit(false).as("quoted"));
    Dataset<Row> entities =
        labels
            .join(mentions.select("article_id", "entity"), "article_id")
            .select(
                col("story_id"),
                lit("e").as("kind"),
                none.as("outlet"),
                lit(null).cast("date").as("date"),
                col("entity").as("name"),
                lit(false).as("quoted"));
    Dataset<Row> hits =
        labels
            .join(frameHits.select("article_id", "outlet", "frame", "voice"), "article_id")
            .select(
                col("story_id"),
                lit("h").as("kind"),
                col("outlet"),
                lit(null).cast("date").as("date"),
                col("frame").as("name"),
                col("voice").equalTo("quoted").as("quoted"));
    return members
        .unionByName(entities)
        .unionByName(hits)
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("story_id"), Encoders.STRING())
        .flatMapGroups(new GroupRows.StoryFramesOfStory(stamp), ExpressionEncoder.apply(storyType));
  }

  private static ExpressionEncoder<Row> encoder(TableSchema table) {
    return ExpressionEncoder.apply(SparkTables.structType(table));
  }
}

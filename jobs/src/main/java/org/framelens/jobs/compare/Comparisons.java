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
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import com.google.common.base.Suppliers;
import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.framelens.common.compare.Period;
import org.framelens.common.compare.PeriodFraming;
import org.framelens.common.compare.StoryFraming;
import org.framelens.common.compare.TermChoice;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SparkTables;

/**
 * The comparison tables, computed from the articles and frame_hits tables (no I/O): outlet_frames,
 * outlet_pairs, frame_terms and story_frames. Each original article counts once; near-duplicate
 * copies ({@code duplicate_of} set) count only when {@code includeCopies}.
 *
 * <p>Spark reduces the articles and hits to small day-level counts in a few shuffles; each period,
 * (outlet, frame) and story is then one group computed by plain Java ({@code
 * org.framelens.common.compare}). Expressing the statistics as Spark joins and windows instead cost
 * about 60 Spark jobs, a fixed 11–15 s that dominated {@code retag}.
 */
public final class Comparisons {
  private Comparisons() {}

  /**
   * The four tables, each built when first asked for: the small driver-side steps they need (the
   * run's prior, the story links) then run in the thread that writes the table, alongside the
   * others. {@link #release} frees the intermediate results kept in memory.
   */
  public static final class Result {
    private final Supplier<Dataset<Row>> outletFrames;
    private final Supplier<Dataset<Row>> outletPairs;
    private final Supplier<Dataset<Row>> frameTerms;
    private final Supplier<Dataset<Row>> storyFrames;
    private final List<Dataset<Row>> cached;
    private final List<Broadcast<?>> broadcasts;
    private boolean released;

    Result(
        Supplier<Dataset<Row>> outletFrames,
        Supplier<Dataset<Row>> outletPairs,
        Supplier<Dataset<Row>> frameTerms,
        Supplier<Dataset<Row>> storyFrames,
        List<Dataset<Row>> cached,
        List<Broadcast<?>> broadcasts) {
      this.outletFrames = Suppliers.memoize(outletFrames::get);
      this.outletPairs = Suppliers.memoize(outletPairs::get);
      this.frameTerms = Suppliers.memoize(frameTerms::get);
      this.storyFrames = Suppliers.memoize(storyFrames::get);
      this.cached = cached;
      this.broadcasts = broadcasts;
    }

    public Dataset<Row> outletFrames() {
      return outletFrames.get();
    }

    public Dataset<Row> outletPairs() {
      return outletPairs.get();
    }

    public Dataset<Row> frameTerms() {
      return frameTerms.get();
    }

    public Dataset<Row> storyFrames() {
      return storyFrames.get();
    }

    /** Whether the inputs were grouped on the driver ({@link LocalComparisons}). */
    public boolean groupedOnDriver() {
      return !broadcasts.isEmpty();
    }

    /** Frees what the tables were computed from; the tables must have been written before. */
    public synchronized void release() {
      if (!released) {
        released = true;
        cached.forEach(Dataset::unpersist);
        broadcasts.forEach(Broadcast::destroy);
      }
    }
  }

  /** Articles sharing at least this many entities ... */
  static final int STORY_MIN_SHARED_ENTITIES = 2;

  /** ... published at most this many days apart belong to one story. */
  static final int STORY_WINDOW_DAYS = 2;

  /**
   * Runs with at most this many counted articles and hits each are grouped on the driver ({@link
   * LocalComparisons}); {@link FramelensConf#COMPARISONS_DRIVER_ROWS} overrides it (0: always in
   * Spark).
   */
  public static final int LOCAL_MAX_ROWS = FramelensConf.DEFAULT_COMPARISONS_DRIVER_ROWS;

  public static Result compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> allHits,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies) {
    int driverRows = FramelensConf.comparisonsDriverRows(spark);
    return compute(spark, articles, allHits, frames, lexiconVersion, includeCopies, driverRows);
  }

  /**
   * @param localMaxRows the most counted articles (and hits) computed on the driver; 0 always
   *     computes the tables in Spark
   */
  public static Result compute(
      SparkSession spark,
      Dataset<Row> articles,
      Dataset<Row> allHits,
      List<String> frames,
      String lexiconVersion,
      boolean includeCopies,
      int localMaxRows) {
    // the columns the tables need; the Spark path below reads them many times over and keeps them
    // in memory, the driver path reads them once
    Dataset<Row> slimArticles =
        articles.select(
            "article_id", "outlet", "published_at", "crawl_date", "token_count", "duplicate_of");
    Dataset<Row> slimHits =
        allHits.select(
            "article_id", "frame", "lang", "term", "matched_text", "voice", "crawl_date");
    Stamp stamp = new Stamp(includeCopies, lexiconVersion);
    if (localMaxRows > 0) {
      Result local =
          computeLocally(
              spark, fetches(slimArticles, includeCopies), slimHits, frames, stamp, localMaxRows);
      if (local != null) {
        return local;
      }
    }
    Dataset<Row> cachedArticles = slimArticles.persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> hits = slimHits.persist(StorageLevel.MEMORY_AND_DISK());
    List<Dataset<Row>> cached = new ArrayList<>(List.of(cachedArticles, hits));
    Dataset<Row> fetches = fetches(cachedArticles, includeCopies);
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

    Supplier<RunTotals> totals = Suppliers.memoize(() -> RunTotals.of(cells));
    KeyValueGroupedDataset<String, Row> periods = byPeriod(cells);
    ArrayList<String> frameList = new ArrayList<>(frames);
    return new Result(
        () ->
            periods.flatMapGroups(
                new OutletFramesOfPeriod(frameList, totals.get(), stamp),
                encoder(Tables.OUTLET_FRAMES)),
        () ->
            periods.flatMapGroups(
                new OutletPairsOfPeriod(frameList, totals.get().runStart(), stamp),
                encoder(Tables.OUTLET_PAIRS)),
        () -> frameTerms(frameHits, stamp),
        () -> storyFrames(spark, dated, frameHits, entityHits, stamp),
        cached,
        List.of());
  }

  /** The counted fetches, each with the date that places it in a period. */
  private static Dataset<Row> fetches(Dataset<Row> articles, boolean includeCopies) {
    Dataset<Row> counted = includeCopies ? articles : articles.filter(col("duplicate_of").isNull());
    return counted.select(
        col("article_id"),
        col("outlet"),
        coalesce(to_date(col("published_at")), col("crawl_date")).as("date"),
        col("published_at").isNull().as("dated_by_crawl"),
        col("token_count"),
        col("crawl_date"));
  }

  /**
   * The tables from inputs collected and grouped on the driver, or null when the run is too large
   * for that: more fetches or hits than {@code maxRows}, or too many story candidates. The groups
   * reach the tasks as broadcasts (the tasks themselves carry only group keys) and the rows are
   * made there: their number can grow with the square of the outlets (pairs), the groups' does not.
   */
  private static Result computeLocally(
      SparkSession spark,
      Dataset<Row> fetches,
      Dataset<Row> allHits,
      List<String> frames,
      Stamp stamp,
      int maxRows) {
    List<Row> fetchRows =
        fetches
            .select("article_id", "outlet", "date", "dated_by_crawl", "token_count", "crawl_date")
            .limit(maxRows + 1)
            .collectAsList();
    if (fetchRows.size() > maxRows) {
      return null;
    }
    List<Row> hitRows =
        allHits
            .select("article_id", "frame", "lang", "term", "matched_text", "voice", "crawl_date")
            .limit(maxRows + 1)
            .collectAsList();
    if (hitRows.size() > maxRows) {
      return null;
    }
    LocalComparisons.Groups g = LocalComparisons.group(fetchRows, hitRows);
    if (g == null) {
      return null;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // plain maps (not records) so that a Kryo serializer can ship them too
    Broadcast<HashMap<String, List<Row>>> periods = jsc.broadcast(g.periods());
    Broadcast<HashMap<String, List<Row>>> forms = jsc.broadcast(g.forms());
    Broadcast<HashMap<String, List<Row>>> stories = jsc.broadcast(g.stories());
    ArrayList<String> frameList = new ArrayList<>(frames);
    OutletFramesOfPeriod outletFrames = new OutletFramesOfPeriod(frameList, g.totals(), stamp);
    OutletPairsOfPeriod outletPairs =
        new OutletPairsOfPeriod(frameList, g.totals().runStart(), stamp);
    FrameTermsOfOutlet frameTerms = new FrameTermsOfOutlet(stamp);
    StoryRows storyRows = new StoryRows(stamp);
    return new Result(
        () -> rowsOfGroups(spark, jsc, periods, outletFrames, Tables.OUTLET_FRAMES),
        () -> rowsOfGroups(spark, jsc, periods, outletPairs, Tables.OUTLET_PAIRS),
        () -> rowsOfGroups(spark, jsc, forms, frameTerms, Tables.FRAME_TERMS),
        () -> rowsOfGroups(spark, jsc, stories, storyRows, Tables.STORY_FRAMES),
        List.of(),
        List.of(periods, forms, stories));
  }

  /** The rows {@code rows} makes of each broadcast group, one task per slice of the group keys. */
  private static Dataset<Row> rowsOfGroups(
      SparkSession spark,
      JavaSparkContext jsc,
      Broadcast<HashMap<String, List<Row>>> groups,
      FlatMapGroupsFunction<String, Row, Row> rows,
      org.framelens.common.schema.TableSchema table) {
    List<String> keys = new ArrayList<>(groups.value().keySet());
    keys.sort(null);
    FlatMapFunction<String, Row> rowsOfKey = k -> rows.call(k, groups.value().get(k).iterator());
    return spark.createDataFrame(
        jsc.parallelize(keys, Math.max(1, jsc.defaultParallelism())).flatMap(rowsOfKey),
        SparkTables.structType(table));
  }

  /** The run's frame hits (the log-odds prior) and first day. */
  record RunTotals(HashMap<String, Long> prior, long priorTotal, LocalDate runStart)
      implements Serializable {
    static RunTotals of(Dataset<Row> cells) {
      HashMap<String, Long> prior = new HashMap<>();
      long priorTotal = 0;
      LocalDate runStart = null;
      for (Row r : cells.groupBy("frame").agg(sum("hits"), min("date")).collectAsList()) {
        if (!r.isNullAt(0)) {
          prior.put(r.getString(0), r.getLong(1));
          priorTotal += r.getLong(1);
        }
        LocalDate first = r.isNullAt(2) ? null : r.getDate(2).toLocalDate();
        runStart =
            runStart == null || (first != null && first.isBefore(runStart)) ? first : runStart;
      }
      return new RunTotals(prior, priorTotal, runStart);
    }

    /** From day cells held in memory (frame at 2, hits at 7; article cells have no frame). */
    static RunTotals ofCells(List<Row> cells) {
      HashMap<String, Long> prior = new HashMap<>();
      long priorTotal = 0;
      LocalDate runStart = null;
      for (Row c : cells) {
        LocalDate day = localDate(c.get(1));
        runStart = runStart == null || day.isBefore(runStart) ? day : runStart;
        if (!c.isNullAt(2)) {
          prior.merge(c.getString(2), c.getLong(7), Long::sum);
          priorTotal += c.getLong(7);
        }
      }
      return new RunTotals(prior, priorTotal, runStart);
    }
  }

  /** What every comparison row ends with. */
  record Stamp(boolean copiesIncluded, String lexiconVersion) implements Serializable {}

  /**
   * Day-level counts: per (outlet, date) a row of article totals (frame null), per (outlet, date,
   * frame) a row of hit counts.
   */
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

  /** Each day cell under its three periods (day, week, run), grouped by period. */
  static KeyValueGroupedDataset<String, Row> byPeriod(Dataset<Row> cells) {
    StructType keyed = cells.schema().add("period_key", DataTypes.StringType, false);
    int date = cells.schema().fieldIndex("date");
    FlatMapFunction<Row, Row> expand =
        r -> {
          Object[] values = new Object[r.size() + 1];
          for (int i = 0; i < r.size(); i++) {
            values[i] = r.get(i);
          }
          List<Row> out = new ArrayList<>(3);
          for (Period p : Period.of(r.getDate(date).toLocalDate())) {
            Object[] v = values.clone();
            v[r.size()] = p.key();
            out.add(RowFactory.create(v));
          }
          return out.iterator();
        };
    int key = keyed.fieldIndex("period_key");
    return cells
        .flatMap(expand, ExpressionEncoder.apply(keyed))
        .groupByKey((MapFunction<Row, String>) r -> r.getString(key), Encoders.STRING());
  }

  /** Reads the day cells of one period into a {@link PeriodFraming}. */
  private static PeriodFraming periodFraming(List<String> frames, Iterator<Row> cells) {
    PeriodFraming period = new PeriodFraming(frames);
    while (cells.hasNext()) {
      Row c = cells.next();
      if (c.isNullAt(2)) {
        period.addArticles(c.getString(0), c.getLong(3), c.getLong(4), c.getLong(5));
      } else {
        period.addFrame(
            c.getString(0), c.getString(2), c.getLong(6), c.getLong(7), c.getLong(8), c.getLong(9));
      }
    }
    return period;
  }

  private static Date start(Period p, LocalDate runStart) {
    return Date.valueOf(p.start() != null ? p.start() : runStart);
  }

  static final class OutletFramesOfPeriod implements FlatMapGroupsFunction<String, Row, Row> {
    private final ArrayList<String> frames;
    private final RunTotals totals;
    private final Stamp stamp;

    OutletFramesOfPeriod(ArrayList<String> frames, RunTotals totals, Stamp stamp) {
      this.frames = frames;
      this.totals = totals;
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> cells) {
      Period p = Period.fromKey(key);
      Date start = start(p, totals.runStart());
      List<Row> rows = new ArrayList<>();
      for (PeriodFraming.FrameRow f :
          periodFraming(frames, cells).frameRows(totals.prior(), totals.priorTotal())) {
        rows.add(
            RowFactory.create(
                f.outlet(),
                p.type(),
                start,
                p.label(),
                f.frame(),
                f.articles(),
                f.articlesWithFrame(),
                f.hits(),
                f.hitsOwn(),
                f.hitsQuoted(),
                f.tokens(),
                f.share(),
                f.shareCiLow(),
                f.shareCiHigh(),
                f.ratePer10kTokens(),
                f.logOddsZ(),
                f.articlesDatedByCrawl(),
                stamp.copiesIncluded(),
                stamp.lexiconVersion()));
      }
      return rows.iterator();
    }
  }

  static final class OutletPairsOfPeriod implements FlatMapGroupsFunction<String, Row, Row> {
    private final ArrayList<String> frames;
    private final LocalDate runStart;
    private final Stamp stamp;

    OutletPairsOfPeriod(ArrayList<String> frames, LocalDate runStart, Stamp stamp) {
      this.frames = frames;
      this.runStart = runStart;
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> cells) {
      Period p = Period.fromKey(key);
      Date start = start(p, runStart);
      Iterator<PeriodFraming.PairRow> pairs = periodFraming(frames, cells).pairRows();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pairs.hasNext();
        }

        @Override
        public Row next() {
          PeriodFraming.PairRow r = pairs.next();
          return RowFactory.create(
              p.type(),
              start,
              p.label(),
              r.outletA(),
              r.outletB(),
              r.articlesA(),
              r.articlesB(),
              r.hitsA(),
              r.hitsB(),
              r.jsDistance(),
              stamp.copiesIncluded(),
              stamp.lexiconVersion());
        }
      };
    }
  }

  /**
   * The rows of frame_terms for one (outlet, frame) from its counts per written form: outlet,
   * frame, lang, term, matched_text, n (hits), quoted.
   */
  static final class FrameTermsOfOutlet implements FlatMapGroupsFunction<String, Row, Row> {
    private final Stamp stamp;

    FrameTermsOfOutlet(Stamp stamp) {
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> group) {
      TermChoice choice = new TermChoice();
      String outlet = null;
      String frame = null;
      while (group.hasNext()) {
        Row f = group.next();
        outlet = f.getString(0);
        frame = f.getString(1);
        choice.add(f.getString(2), f.getString(3), f.getString(4), f.getLong(5), f.getLong(6));
      }
      List<Row> out = new ArrayList<>();
      for (TermChoice.TermRow t : choice.rows()) {
        out.add(
            RowFactory.create(
                outlet,
                frame,
                t.lang(),
                t.term(),
                t.hits(),
                t.hitsQuoted(),
                t.shareOfFrame(),
                t.example(),
                stamp.copiesIncluded(),
                stamp.lexiconVersion()));
      }
      return out.iterator();
    }
  }

  /** frame_terms: counts per written form, then one group per (outlet, frame). */
  static Dataset<Row> frameTerms(Dataset<Row> frameHits, Stamp stamp) {
    Dataset<Row> forms =
        frameHits
            .groupBy("outlet", "frame", "lang", "term", "matched_text")
            .agg(
                count(lit(1)).as("n"),
                sum(when(col("voice").equalTo("quoted"), 1).otherwise(0))
                    .cast("long")
                    .as("quoted"));
    return forms
        .groupByKey(
            (MapFunction<Row, String>) r -> r.getString(0) + '\u0000' + r.getString(1),
            Encoders.STRING())
        .flatMapGroups(new FrameTermsOfOutlet(stamp), encoder(Tables.FRAME_TERMS));
  }

  /**
   * The rows of story_frames for one story from its members' rows: story_id, kind ("a" a member
   * article with outlet and date, "e" an entity it mentions as name, "h" one of its frame hits with
   * outlet, frame as name and quoted).
   */
  static final class StoryRows implements FlatMapGroupsFunction<String, Row, Row> {
    private final Stamp stamp;

    StoryRows(Stamp stamp) {
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String storyId, Iterator<Row> group) {
      StoryFraming story = new StoryFraming();
      while (group.hasNext()) {
        Row r = group.next();
        switch (r.getString(1)) {
          case "a" -> story.addArticle(r.getString(2), localDate(r.get(3)));
          case "e" -> story.addEntity(r.getString(4));
          default -> story.addHit(r.getString(2), r.getString(4), r.getBoolean(5));
        }
      }
      List<Row> out = new ArrayList<>();
      for (StoryFraming.StoryRow s : story.rows()) {
        out.add(
            RowFactory.create(
                storyId,
                s.storyLabel(),
                Date.valueOf(s.storyStart()),
                Date.valueOf(s.storyEnd()),
                s.storyArticles(),
                s.storyOutlets(),
                s.outlet(),
                s.articles(),
                s.frame(),
                s.hits(),
                s.hitsQuoted(),
                stamp.copiesIncluded(),
                stamp.lexiconVersion()));
      }
      return out.iterator();
    }
  }

  /**
   * Stories: articles sharing at least {@value #STORY_MIN_SHARED_ENTITIES} entity mentions and
   * published at most {@value #STORY_WINDOW_DAYS} days apart are linked; a story is a connected
   * group of at least two linked articles.
   */
  static Dataset<Row> storyFrames(
      SparkSession spark,
      Dataset<Row> dated,
      Dataset<Row> frameHits,
      Dataset<Row> entityHits,
      Stamp stamp) {
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
    Map<String, String> parent = new HashMap<>();
    for (Row e : edges.collectAsList()) {
      union(parent, e.getString(0), e.getString(1));
    }
    StructType storyType = SparkTables.structType(Tables.STORY_FRAMES);
    if (parent.isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), storyType);
    }
    List<Row> labelRows = new ArrayList<>();
    for (String id : parent.keySet()) {
      labelRows.add(RowFactory.create(id, find(parent, id)));
    }
    Dataset<Row> labels =
        spark.createDataFrame(
            labelRows,
            new StructType()
                .add("article_id", DataTypes.StringType)
                .add("story_id", DataTypes.StringType));
    Column none = lit(null).cast("string");
    // one row per member article ("a"), per entity a member mentions ("e"), per member hit ("h")
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
        .groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(new StoryRows(stamp), ExpressionEncoder.apply(storyType));
  }

  /** A date column's value: java.sql.Date from Spark rows, LocalDate from the driver's groups. */
  static LocalDate localDate(Object value) {
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  private static ExpressionEncoder<Row> encoder(org.framelens.common.schema.TableSchema table) {
    return ExpressionEncoder.apply(SparkTables.structType(table));
  }

  static String find(Map<String, String> parent, String x) {
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
  static void union(Map<String, String> parent, String a, String b) {
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
}

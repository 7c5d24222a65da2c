package org.framelens.jobs.compare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.compare.CodePointOrder;
import org.framelens.common.compare.Period;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkTables;

/**
 * The grouping behind the comparison tables in plain Java over collected articles and hits, for
 * runs small enough to hold on the driver: the day-level counts, then the groups the per-group
 * functions of {@link GroupRows} turn into rows. However small the input, doing this in Spark
 * ({@link SparkComparisons}) costs some 30 stages (each planned, scheduled and run as tasks); on a
 * crawl of a thousand pages those were most of a {@code retag}. Both ways give the same tables
 * (ComparisonsTest and FramingRunJobTest compare them).
 */
public final class LocalComparisons {
  private LocalComparisons() {}

  /**
   * Story candidates (article pairs sharing an entity within the window) beyond which the stories
   * are left to Spark: they grow with the square of the articles naming one entity in a few days.
   */
  static final long MAX_STORY_CANDIDATES = 5_000_000;

  /**
   * The tables from inputs collected and grouped on the driver, or null when the run is too large
   * for that: more fetches or hits than {@code maxRows}, or too many story candidates. The groups
   * reach the tasks as broadcasts (the tasks themselves carry only group keys) and the rows are
   * made there: their number can grow with the square of the outlets (pairs), the groups' does not.
   *
   * @param fetches the counted fetches ({@link Comparisons#fetches})
   * @param hits all hits: article_id, frame, lang, term, matched_text, voice, crawl_date
   */
  static Comparisons.Result tables(
      SparkSession spark,
      Dataset<Row> fetches,
      Dataset<Row> hits,
      List<String> frames,
      GroupRows.Stamp stamp,
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
        hits.select("article_id", "frame", "lang", "term", "matched_text", "voice", "crawl_date")
            .limit(maxRows + 1)
            .collectAsList();
    if (hitRows.size() > maxRows) {
      return null;
    }
    Groups g = group(fetchRows, hitRows);
    if (g == null) {
      return null;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // plain maps (not records) so that a Kryo serializer can ship them too
    Broadcast<HashMap<String, List<Row>>> periods = jsc.broadcast(g.periods());
    Broadcast<HashMap<String, List<Row>>> forms = jsc.broadcast(g.forms());
    Broadcast<HashMap<String, List<Row>>> stories = jsc.broadcast(g.stories());
    Broadcast<HashMap<String, List<Row>>> storyCells = jsc.broadcast(g.storyCells());
    ArrayList<String> frameList = new ArrayList<>(frames);
    var outletFrames = new GroupRows.OutletFramesOfPeriod(frameList, g.totals(), stamp);
    var outletPairs = new GroupRows.OutletPairsOfPeriod(frameList, g.totals().runStart(), stamp);
    var frameTerms = new GroupRows.FrameTermsOfOutlet(stamp);
    var storyFrames = new GroupRows.StoryFramesOfStory(stamp);
    var storyContrasts =
        new GroupRows.StoryContrastsOfPeriod(frameList, g.totals().runStart(), stamp);
    return new Comparisons.Result(
        () -> rowsOfGroups(spark, jsc, periods, outletFrames, Tables.OUTLET_FRAMES),
        () -> rowsOfGroups(spark, jsc, periods, outletPairs, Tables.OUTLET_PAIRS),
        () -> rowsOfGroups(spark, jsc, forms, frameTerms, Tables.FRAME_TERMS),
        () -> rowsOfGroups(spark, jsc, stories, storyFrames, Tables.STORY_FRAMES),
        () -> rowsOfGroups(spark, jsc, storyCells, storyContrasts, Tables.STORY_CONTRASTS),
        List.of(),
        List.of(periods, forms, stories, storyCells));
  }

  /** The rows {@code rows} makes of each broadcast group, one task per slice of the group keys. */
  private static Dataset<Row> rowsOfGroups(
      SparkSession spark,
      JavaSparkContext jsc,
      Broadcast<HashMap<String, List<Row>>> groups,
      FlatMapGroupsFunction<String, Row, Row> rows,
      TableSchema table) {
    List<String> keys = new ArrayList<>(groups.value().keySet());
    keys.sort(null);
    FlatMapFunction<String, Row> rowsOfKey = k -> rows.call(k, groups.value().get(k).iterator());
    return spark.createDataFrame(
        jsc.parallelize(keys, Math.max(1, jsc.defaultParallelism())).flatMap(rowsOfKey),
        SparkTables.structType(table));
  }

  /** A counted fetch: a row of {@link Comparisons#fetches}. */
  record Article(
      String id,
      String outlet,
      LocalDate date,
      boolean datedByCrawl,
      Integer tokens,
      LocalDate crawlDate) {
    static Article of(Row r) {
      return new Article(
          r.getAs("article_id"),
          r.getAs("outlet"),
          GroupRows.localDate(r.getAs("date")),
          r.<Boolean>getAs("dated_by_crawl"),
          r.<Integer>getAs("token_count"),
          GroupRows.localDate(r.getAs("crawl_date")));
    }
  }

  /**
   * The inputs of the four tables' per-group functions, grouped: {@link GroupRows#DAY_CELL} rows by
   * period, {@link GroupRows#TERM_FORM} rows by (outlet, frame), {@link GroupRows#STORY_MEMBER}
   * rows by story.
   */
  record Groups(
      GroupRows.RunTotals totals,
      HashMap<String, List<Row>> periods,
      HashMap<String, List<Row>> forms,
      HashMap<String, List<Row>> stories,
      HashMap<String, List<Row>> storyCells) {}

  /**
   * The groups, or null when the stories would have too many candidates for the driver.
   *
   * @param fetches the counted fetches: article_id, outlet, date, dated_by_crawl, token_count,
   *     crawl_date
   * @param hits all hits: article_id, frame, lang, term, matched_text, voice, crawl_date (hits of
   *     articles not in {@code fetches}, such as copies, are left out here)
   */
  static Groups group(List<Row> fetches, List<Row> hits) {
    // a page fetched unchanged on several crawl days (one id) counts once, as its first fetch
    Map<String, Article> articles = new HashMap<>();
    for (Row r : fetches) {
      articles.merge(
          r.getAs("article_id"),
          Article.of(r),
          (x, y) -> y.crawlDate().isBefore(x.crawlDate()) ? y : x);
    }
    List<Row> frameHits = new ArrayList<>();
    Map<String, Set<String>> mentions = new LinkedHashMap<>();
    for (Row h : hits) {
      Article a = articles.get(h.<String>getAs("article_id"));
      if (a == null || !a.crawlDate().equals(GroupRows.localDate(h.getAs("crawl_date")))) {
        continue;
      }
      String frame = h.getAs("frame");
      if (frame.startsWith(Lexicon.ENTITY_PREFIX)) {
        mentions.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(frame);
      } else {
        frameHits.add(h);
      }
    }
    StoryLinks links = storyLinks(articles, mentions);
    if (links == null) {
      return null;
    }
    HashMap<String, List<Row>> stories = storyMembers(links, articles, frameHits, mentions);
    List<Row> cells = dayCells(articles, frameHits);
    HashMap<String, List<Row>> periods = new HashMap<>();
    for (Row c : cells) {
      for (Period p : Period.of(c.<LocalDate>getAs("date"))) {
        periods.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      }
    }
    return new Groups(
        runTotals(cells),
        periods,
        forms(articles, frameHits),
        stories,
        storyCells(links, articles, frameHits));
  }

  /** As {@link SparkComparisons#runTotals}, from the day cells held here. */
  static GroupRows.RunTotals runTotals(List<Row> cells) {
    HashMap<String, Long> prior = new HashMap<>();
    long priorTotal = 0;
    LocalDate runStart = null;
    for (Row c : cells) {
      LocalDate day = c.getAs("date");
      runStart = runStart == null || day.isBefore(runStart) ? day : runStart;
      // the article cells (no frame) count no hits
      if (!c.isNullAt(c.fieldIndex("frame"))) {
        prior.merge(c.getAs("frame"), c.<Long>getAs("hits"), Long::sum);
        priorTotal += c.<Long>getAs("hits");
      }
    }
    return new GroupRows.RunTotals(prior, priorTotal, runStart);
  }

  private record OutletDay(String outlet, LocalDate date) {}

  private record ArticleFrame(String articleId, String frame) {}

  private record OutletDayFrame(String outlet, LocalDate date, String frame) {}

  /**
   * As {@link SparkComparisons#dayCells}: {@link GroupRows#DAY_CELL} rows. The date is a {@link
   * LocalDate} (a {@code java.sql.Date} would change its day between JVMs in other time zones).
   */
  static List<Row> dayCells(Map<String, Article> articles, List<Row> frameHits) {
    // articles, tokens, dated_by_crawl
    Map<OutletDay, long[]> articleDays = new LinkedHashMap<>();
    for (Article a : articles.values()) {
      long[] c = articleDays.computeIfAbsent(new OutletDay(a.outlet(), a.date()), k -> new long[3]);
      c[0]++;
      c[1] += a.tokens() == null ? 0 : a.tokens();
      c[2] += a.datedByCrawl() ? 1 : 0;
    }
    // per article and frame first (hits, own, quoted): articles_with_frame counts articles
    Map<ArticleFrame, long[]> perArticle = new LinkedHashMap<>();
    for (Row h : frameHits) {
      long[] c =
          perArticle.computeIfAbsent(
              new ArticleFrame(h.getAs("article_id"), h.getAs("frame")), k -> new long[3]);
      c[0]++;
      c[1] += "own".equals(h.getAs("voice")) ? 1 : 0;
      c[2] += "quoted".equals(h.getAs("voice")) ? 1 : 0;
    }
    // articles_with_frame, hits, hits_own, hits_quoted
    Map<OutletDayFrame, long[]> frameDays = new LinkedHashMap<>();
    for (Map.Entry<ArticleFrame, long[]> e : perArticle.entrySet()) {
      Article a = articles.get(e.getKey().articleId());
      long[] c =
          frameDays.computeIfAbsent(
              new OutletDayFrame(a.outlet(), a.date(), e.getKey().frame()), k -> new long[4]);
      c[0]++;
      c[1] += e.getValue()[0];
      c[2] += e.getValue()[1];
      c[3] += e.getValue()[2];
    }
    List<Row> cells = new ArrayList<>();
    articleDays.forEach(
        (k, c) ->
            cells.add(
                GroupRows.DAY_CELL_ROW
                    .row()
                    .set("outlet", k.outlet())
                    .set("date", k.date())
                    .set("frame", null)
                    .set("articles", c[0])
                    .set("tokens", c[1])
                    .set("dated_by_crawl", c[2])
                    .set("articles_with_frame", 0L)
                    .set("hits", 0L)
                    .set("hits_own", 0L)
                    .set("hits_quoted", 0L)
                    .build()));
    frameDays.forEach(
        (k, c) ->
            cells.add(
                GroupRows.DAY_CELL_ROW
                    .row()
                    .set("outlet", k.outlet())
                    .set("date", k.date())
                    .set("frame", k.frame())
                    .set("articles", 0L)
                    .set("tokens", 0L)
                    .set("dated_by_crawl", 0L)
                    .set("articles_with_frame", c[0])
                    .set("hits", c[1])
                    .set("hits_own", c[2])
                    .set("hits_quoted", c[3])
                    .build()));
    return cells;
  }

  private record TermForm(
      String outlet, String frame, String lang, String term, String matchedText) {}

  /**
   * As {@link SparkComparisons#frameTerms}: {@link GroupRows#TERM_FORM} rows, grouped by (outlet,
   * frame).
   */
  private static HashMap<String, List<Row>> forms(
      Map<String, Article> articles, List<Row> frameHits) {
    // hits, hits_quoted
    Map<TermForm, long[]> counts = new LinkedHashMap<>();
    for (Row h : frameHits) {
      TermForm form =
          new TermForm(
              articles.get(h.<String>getAs("article_id")).outlet(),
              h.getAs("frame"),
              h.getAs("lang"),
              h.getAs("term"),
              h.getAs("matched_text"));
      long[] c = counts.computeIfAbsent(form, k -> new long[2]);
      c[0]++;
      c[1] += "quoted".equals(h.getAs("voice")) ? 1 : 0;
    }
    HashMap<String, List<Row>> groups = new HashMap<>();
    counts.forEach(
        (k, c) ->
            groups
                .computeIfAbsent(k.outlet() + '\u0000' + k.frame(), g -> new ArrayList<>())
                .add(
                    GroupRows.TERM_FORM_ROW
                        .row()
                        .set("outlet", k.outlet())
                        .set("frame", k.frame())
                        .set("lang", k.lang())
                        .set("term", k.term())
                        .set("matched_text", k.matchedText())
                        .set("hits", c[0])
                        .set("hits_quoted", c[1])
                        .build()));
    return groups;
  }

  /**
   * As {@link SparkComparisons#storyFrames}: the articles linked as {@link StoryLinks} says, then
   * each story's {@link GroupRows#STORY_MEMBER} rows, keyed by story id (dates as {@link
   * LocalDate}): here the links, null when there are more than {@value #MAX_STORY_CANDIDATES}
   * candidate pairs.
   */
  private static StoryLinks storyLinks(
      Map<String, Article> articles, Map<String, Set<String>> mentions) {
    Map<String, List<Article>> byEntity = new LinkedHashMap<>();
    mentions.forEach(
        (id, entities) -> {
          for (String e : entities) {
            byEntity.computeIfAbsent(e, k -> new ArrayList<>()).add(articles.get(id));
          }
        });
    long candidates = 0;
    for (List<Article> list : byEntity.values()) {
      list.sort(Comparator.comparing(Article::date));
      int from = 0;
      for (int j = 0; j < list.size(); j++) {
        while (ChronoUnit.DAYS.between(list.get(from).date(), list.get(j).date())
            > StoryLinks.WINDOW_DAYS) {
          from++;
        }
        candidates += j - from;
      }
    }
    if (candidates > MAX_STORY_CANDIDATES) {
      return null;
    }
    // entities shared per pair of articles, the pair in the order Spark compares strings
    Map<List<String>, Integer> shared = new HashMap<>();
    for (List<Article> list : byEntity.values()) {
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          Article x = list.get(i);
          Article y = list.get(j);
          if (ChronoUnit.DAYS.between(x.date(), y.date()) > StoryLinks.WINDOW_DAYS) {
            break;
          }
          boolean xFirst = CodePointOrder.INSTANCE.compare(x.id(), y.id()) < 0;
          shared.merge(xFirst ? List.of(x.id(), y.id()) : List.of(y.id(), x.id()), 1, Integer::sum);
        }
      }
    }
    StoryLinks links = new StoryLinks();
    shared.forEach(
        (pair, n) -> {
          if (n >= StoryLinks.MIN_SHARED_ENTITIES) {
            links.link(pair.get(0), pair.get(1));
          }
        });
    return links;
  }

  /** Each story's {@link GroupRows#STORY_MEMBER} rows, keyed by story id. */
  private static HashMap<String, List<Row>> storyMembers(
      StoryLinks links,
      Map<String, Article> articles,
      List<Row> frameHits,
      Map<String, Set<String>> mentions) {
    HashMap<String, List<Row>> stories = new HashMap<>();
    for (String id : links.articles()) {
      String story = links.storyOf(id);
      Article a = articles.get(id);
      List<Row> rows = stories.computeIfAbsent(story, k -> new ArrayList<>());
      rows.add(
          GroupRows.STORY_MEMBER_ROW
              .row()
              .set("story_id", story)
              .set("kind", "a")
              .set("outlet", a.outlet())
              .set("date", a.date())
              .set("name", null)
              .set("quoted", false)
              .build());
      for (String e : mentions.get(id)) {
        rows.add(
            GroupRows.STORY_MEMBER_ROW
                .row()
                .set("story_id", story)
                .set("kind", "e")
                .set("outlet", null)
                .set("date", null)
                .set("name", e)
                .set("quoted", false)
                .build());
      }
    }
    for (Row h : frameHits) {
      String id = h.getAs("article_id");
      if (links.isLinked(id)) {
        String story = links.storyOf(id);
        stories
            .get(story)
            .add(
                GroupRows.STORY_MEMBER_ROW
                    .row()
                    .set("story_id", story)
                    .set("kind", "h")
                    .set("outlet", articles.get(id).outlet())
                    .set("date", null)
                    .set("name", h.getAs("frame"))
                    .set("quoted", "quoted".equals(h.getAs("voice")))
                    .build());
      }
    }
    return stories;
  }

  private record StoryCell(String periodKey, String story, String outlet, String frame) {}

  /**
   * As {@link SparkComparisons#storyCells}: {@link GroupRows#STORY_CELL} rows by period key, each
   * counted article under its story (its own id when it is in none).
   */
  static HashMap<String, List<Row>> storyCells(
      StoryLinks links, Map<String, Article> articles, List<Row> frameHits) {
    Map<String, Set<String>> framesOf = new HashMap<>();
    for (Row h : frameHits) {
      framesOf
          .computeIfAbsent(h.getAs("article_id"), k -> new LinkedHashSet<>())
          .add(h.getAs("frame"));
    }
    Map<StoryCell, long[]> counts = new LinkedHashMap<>();
    for (Article a : articles.values()) {
      String story = links.isLinked(a.id()) ? links.storyOf(a.id()) : a.id();
      for (Period p : GroupRows.contrastPeriods(a.date())) {
        counts
            .computeIfAbsent(new StoryCell(p.key(), story, a.outlet(), null), k -> new long[1])[
            0]++;
        for (String f : framesOf.getOrDefault(a.id(), Set.of())) {
          counts
              .computeIfAbsent(new StoryCell(p.key(), story, a.outlet(), f), k -> new long[1])[0]++;
        }
      }
    }
    HashMap<String, List<Row>> groups = new HashMap<>();
    counts.forEach(
        (k, c) ->
            groups
                .computeIfAbsent(k.periodKey(), g -> new ArrayList<>())
                .add(
                    GroupRows.STORY_CELL_ROW
                        .row()
                        .set("period_key", k.periodKey())
                        .set("story_id", k.story())
                        .set("outlet", k.outlet())
                        .set("frame", k.frame())
                        .set("articles", c[0])
                        .build()));
    return groups;
  }
}

package org.framelens.jobs.compare;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.framelens.common.compare.CodePointOrder;
import org.framelens.common.compare.Period;
import org.framelens.common.lexicon.Lexicon;

/**
 * The grouping behind the comparison tables, in plain Java over collected articles and hits, for
 * runs small enough to hold on the driver: the day-level counts, then the groups the per-group
 * functions of {@link Comparisons} turn into rows. However small the input, doing this in Spark
 * costs some 30 stages (each planned, scheduled and run as tasks); on a crawl of a thousand pages
 * those were most of a {@code retag}. Both paths give the same tables (ComparisonsTest and
 * FramingRunJobTest compare them).
 */
public final class LocalComparisons {
  private LocalComparisons() {}

  /**
   * Story candidates (article pairs sharing an entity within the window) beyond which the stories
   * are left to Spark: they grow with the square of the articles naming one entity in a few days.
   */
  static final long MAX_STORY_CANDIDATES = 5_000_000;

  /** A counted fetch: the columns of {@code Comparisons}' fetches. */
  record Article(
      String id,
      String outlet,
      LocalDate date,
      boolean datedByCrawl,
      Integer tokens,
      LocalDate crawlDate) {
    static Article of(Row r) {
      return new Article(
          r.getString(0),
          r.getString(1),
          r.getDate(2).toLocalDate(),
          r.getBoolean(3),
          r.isNullAt(4) ? null : r.getInt(4),
          r.getDate(5).toLocalDate());
    }
  }

  /**
   * The inputs of the four tables' per-group functions, grouped: day cells by period, written forms
   * by (outlet, frame), member rows by story.
   */
  record Groups(
      Comparisons.RunTotals totals,
      HashMap<String, List<Row>> periods,
      HashMap<String, List<Row>> forms,
      HashMap<String, List<Row>> stories) {}

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
          r.getString(0), Article.of(r), (x, y) -> y.crawlDate().isBefore(x.crawlDate()) ? y : x);
    }
    List<Row> frameHits = new ArrayList<>();
    Map<String, Set<String>> mentions = new LinkedHashMap<>();
    for (Row h : hits) {
      Article a = articles.get(h.getString(0));
      if (a == null || !a.crawlDate().equals(h.getDate(6).toLocalDate())) {
        continue;
      }
      String frame = h.getString(1);
      if (frame.startsWith(Lexicon.ENTITY_PREFIX)) {
        mentions.computeIfAbsent(a.id(), k -> new LinkedHashSet<>()).add(frame);
      } else {
        frameHits.add(h);
      }
    }
    HashMap<String, List<Row>> stories = storyMembers(articles, frameHits, mentions);
    if (stories == null) {
      return null;
    }
    List<Row> cells = dayCells(articles, frameHits);
    HashMap<String, List<Row>> periods = new HashMap<>();
    for (Row c : cells) {
      for (Period p : Period.of((LocalDate) c.get(1))) {
        periods.computeIfAbsent(p.key(), k -> new ArrayList<>()).add(c);
      }
    }
    return new Groups(
        Comparisons.RunTotals.ofCells(cells), periods, forms(articles, frameHits), stories);
  }

  /**
   * As {@code Comparisons.dayCells}: article totals per (outlet, date), hits per frame too. The
   * date is a {@link LocalDate} (a {@code java.sql.Date} would change its day between JVMs in other
   * time zones).
   */
  static List<Row> dayCells(Map<String, Article> articles, List<Row> frameHits) {
    Map<List<Object>, long[]> articleDays = new LinkedHashMap<>();
    for (Article a : articles.values()) {
      long[] c = articleDays.computeIfAbsent(Arrays.asList(a.outlet(), a.date()), k -> new long[3]);
      c[0]++;
      c[1] += a.tokens() == null ? 0 : a.tokens();
      c[2] += a.datedByCrawl() ? 1 : 0;
    }
    // per article and frame first: articles_with_frame counts articles
    Map<List<String>, long[]> perArticle = new LinkedHashMap<>();
    for (Row h : frameHits) {
      long[] c =
          perArticle.computeIfAbsent(
              Arrays.asList(h.getString(0), h.getString(1)), k -> new long[3]);
      c[0]++;
      c[1] += "own".equals(h.getString(5)) ? 1 : 0;
      c[2] += "quoted".equals(h.getString(5)) ? 1 : 0;
    }
    Map<List<Object>, long[]> frameDays = new LinkedHashMap<>();
    for (Map.Entry<List<String>, long[]> e : perArticle.entrySet()) {
      Article a = articles.get(e.getKey().get(0));
      long[] c =
          frameDays.computeIfAbsent(
              Arrays.asList(a.outlet(), a.date(), e.getKey().get(1)), k -> new long[4]);
      c[0]++;
      c[1] += e.getValue()[0];
      c[2] += e.getValue()[1];
      c[3] += e.getValue()[2];
    }
    List<Row> cells = new ArrayList<>();
    articleDays.forEach(
        (k, c) ->
            cells.add(
                RowFactory.create(k.get(0), k.get(1), null, c[0], c[1], c[2], 0L, 0L, 0L, 0L)));
    frameDays.forEach(
        (k, c) ->
            cells.add(
                RowFactory.create(
                    k.get(0), k.get(1), k.get(2), 0L, 0L, 0L, c[0], c[1], c[2], c[3])));
    return cells;
  }

  /** As {@code Comparisons.frameTerms}: counts per written form, grouped by (outlet, frame). */
  private static HashMap<String, List<Row>> forms(
      Map<String, Article> articles, List<Row> frameHits) {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    for (Row h : frameHits) {
      String outlet = articles.get(h.getString(0)).outlet();
      long[] c =
          counts.computeIfAbsent(
              Arrays.asList(outlet, h.getString(1), h.getString(2), h.getString(3), h.getString(4)),
              k -> new long[2]);
      c[0]++;
      c[1] += "quoted".equals(h.getString(5)) ? 1 : 0;
    }
    HashMap<String, List<Row>> groups = new HashMap<>();
    counts.forEach(
        (k, c) ->
            groups
                .computeIfAbsent(k.get(0) + '\u0000' + k.get(1), g -> new ArrayList<>())
                .add(
                    RowFactory.create(
                        k.get(0), k.get(1), k.get(2), k.get(3), k.get(4), c[0], c[1])));
    return groups;
  }

  /**
   * As {@code Comparisons.storyFrames}: articles sharing enough entities within the window are
   * linked; each connected group's member rows, keyed by story id (dates as {@link LocalDate}).
   * Null when there are more than {@value #MAX_STORY_CANDIDATES} candidate pairs.
   */
  private static HashMap<String, List<Row>> storyMembers(
      Map<String, Article> articles, List<Row> frameHits, Map<String, Set<String>> mentions) {
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
            > Comparisons.STORY_WINDOW_DAYS) {
          from++;
        }
        candidates += j - from;
      }
    }
    if (candidates > MAX_STORY_CANDIDATES) {
      return null;
    }
    Map<List<String>, Integer> shared = new HashMap<>();
    for (List<Article> list : byEntity.values()) {
      for (int i = 0; i < list.size(); i++) {
        for (int j = i + 1; j < list.size(); j++) {
          Article x = list.get(i);
          Article y = list.get(j);
          if (ChronoUnit.DAYS.between(x.date(), y.date()) > Comparisons.STORY_WINDOW_DAYS) {
            break;
          }
          boolean xFirst = CodePointOrder.INSTANCE.compare(x.id(), y.id()) < 0;
          shared.merge(xFirst ? List.of(x.id(), y.id()) : List.of(y.id(), x.id()), 1, Integer::sum);
        }
      }
    }
    Map<String, String> parent = new HashMap<>();
    shared.forEach(
        (pair, n) -> {
          if (n >= Comparisons.STORY_MIN_SHARED_ENTITIES) {
            Comparisons.union(parent, pair.get(0), pair.get(1));
          }
        });
    HashMap<String, List<Row>> stories = new HashMap<>();
    for (String id : parent.keySet()) {
      String story = Comparisons.find(parent, id);
      Article a = articles.get(id);
      List<Row> rows = stories.computeIfAbsent(story, k -> new ArrayList<>());
      rows.add(RowFactory.create(story, "a", a.outlet(), a.date(), null, false));
      for (String e : mentions.get(id)) {
        rows.add(RowFactory.create(story, "e", null, null, e, false));
      }
    }
    for (Row h : frameHits) {
      String id = h.getString(0);
      if (parent.containsKey(id)) {
        String story = Comparisons.find(parent, id);
        stories
            .get(story)
            .add(
                RowFactory.create(
                    story,
                    "h",
                    articles.get(id).outlet(),
                    null,
                    h.getString(1),
                    "quoted".equals(h.getString(5))));
      }
    }
    return stories;
  }
}

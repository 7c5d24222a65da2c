package org.framelens.common.compare;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.framelens.common.lexicon.Lexicon;

/**
 * One story (a connected group of linked articles) and the rows of {@code story_frames} for it: per
 * outlet and frame used, with the story's span, size and label.
 */
public final class StoryFraming {
  /** One row of {@code story_frames} without the story id and run-wide columns. */
  public record StoryRow(
      String storyLabel,
      LocalDate storyStart,
      LocalDate storyEnd,
      long storyArticles,
      long storyOutlets,
      String outlet,
      long articles,
      String frame,
      long hits,
      long hitsQuoted) {}

  private LocalDate start;
  private LocalDate end;
  private long articles;
  private final Map<String, Long> articlesPerOutlet = new HashMap<>();
  private final Map<String, Long> entityArticles = new HashMap<>();
  private final Map<List<String>, long[]> frameHits =
      new TreeMap<>(
          Comparator.<List<String>, String>comparing(k -> k.get(0), CodePointOrder.INSTANCE)
              .thenComparing(k -> k.get(1), CodePointOrder.INSTANCE));

  /** Adds a member article. */
  public void addArticle(String outlet, LocalDate date) {
    articles++;
    articlesPerOutlet.merge(outlet, 1L, Long::sum);
    start = start == null || date.isBefore(start) ? date : start;
    end = end == null || date.isAfter(end) ? date : end;
  }

  /** Adds an entity a member article mentions (once per article and entity). */
  public void addEntity(String entity) {
    entityArticles.merge(entity, 1L, Long::sum);
  }

  /** Adds a frame hit in a member article of the outlet. */
  public void addHit(String outlet, String frame, boolean quoted) {
    long[] c = frameHits.computeIfAbsent(List.of(outlet, frame), k -> new long[2]);
    c[0]++;
    if (quoted) {
      c[1]++;
    }
  }

  /** The story's three most mentioned entities (by articles, ties by name), without the prefix. */
  String label() {
    List<Map.Entry<String, Long>> top = new ArrayList<>(entityArticles.entrySet());
    top.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry::getKey, CodePointOrder.INSTANCE));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < Math.min(3, top.size()); i++) {
      names.add(top.get(i).getKey());
    }
    return String.join(", ", names).replace(Lexicon.ENTITY_PREFIX, "");
  }

  /** One row per outlet and frame with hits; none when no member article has a frame hit. */
  public List<StoryRow> rows() {
    String label = label();
    List<StoryRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, long[]> e : frameHits.entrySet()) {
      String outlet = e.getKey().get(0);
      Long outletArticles = articlesPerOutlet.get(outlet);
      if (outletArticles == null) {
        continue;
      }
      rows.add(
          new StoryRow(
              label,
              start,
              end,
              articles,
              articlesPerOutlet.size(),
              outlet,
              outletArticles,
              e.getKey().get(1),
              e.getValue()[0],
              e.getValue()[1]));
    }
    return rows;
  }
}

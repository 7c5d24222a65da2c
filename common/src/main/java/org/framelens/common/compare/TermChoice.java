package org.framelens.common.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which lexicon terms one outlet used for one frame: the rows of {@code frame_terms} for an
 * (outlet, frame), from counts per term and written form.
 */
public final class TermChoice {
  /** One row of {@code frame_terms} without outlet, frame and run-wide columns. */
  public record TermRow(
      String lang, String term, long hits, long hitsQuoted, double shareOfFrame, String example) {}

  private static final class Term {
    long hits;
    long quoted;
    String example;
    long exampleCount;
  }

  private static final Comparator<List<String>> KEY_ORDER =
      Comparator.<List<String>, String>comparing(k -> k.get(0), CodePointOrder.INSTANCE)
          .thenComparing(k -> k.get(1), CodePointOrder.INSTANCE);

  private final Map<List<String>, Term> terms = new TreeMap<>(KEY_ORDER);

  /**
   * Adds the hits of a term written as {@code matchedText}; each written form once, with its total.
   */
  public void add(String lang, String term, String matchedText, long hits, long quoted) {
    Term t = terms.computeIfAbsent(List.of(lang, term), k -> new Term());
    t.hits += hits;
    t.quoted += quoted;
    // the example is the most frequent written form; ties go to the first in code point order
    if (t.example == null
        || hits > t.exampleCount
        || (hits == t.exampleCount
            && CodePointOrder.INSTANCE.compare(matchedText, t.example) < 0)) {
      t.example = matchedText;
      t.exampleCount = hits;
    }
  }

  public List<TermRow> rows() {
    long frameHits = 0;
    for (Term t : terms.values()) {
      frameHits += t.hits;
    }
    List<TermRow> rows = new ArrayList<>();
    for (Map.Entry<List<String>, Term> e : terms.entrySet()) {
      Term t = e.getValue();
      rows.add(
          new TermRow(
              e.getKey().get(0),
              e.getKey().get(1),
              t.hits,
              t.quoted,
              (double) t.hits / frameHits,
              t.example));
    }
    return rows;
  }
}

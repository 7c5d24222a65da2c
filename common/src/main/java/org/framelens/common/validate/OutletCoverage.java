package org.framelens.common.validate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code outlet_coverage} rows: per outlet and crawl day, articles, quarantined records, short
 * texts and languages, with the days without articles between an outlet's first and last day with
 * articles filled in and flagged as gaps.
 */
public final class OutletCoverage {
  private OutletCoverage() {}

  /** Articles with fewer characters of text than this count as empty or very short. */
  public static final int SHORT_TEXT_CHARS = 200;

  /** Outlet of quarantined records whose URL names no host (read failures of a whole file). */
  public static final String UNKNOWN_OUTLET = "(unknown)";

  /** Counts of one outlet on one day (a null day: quarantined records without a crawl date). */
  public record DayCounts(
      String outlet,
      LocalDate day,
      long articles,
      long quarantined,
      long shortTexts,
      Set<String> languages)
      implements Serializable {
    public DayCounts {
      languages = new TreeSet<>(languages);
    }
  }

  /** A row of the table. */
  public record Row(
      String outlet,
      LocalDate day,
      long articles,
      long quarantined,
      long shortTexts,
      String languages,
      boolean gap)
      implements Serializable {}

  /** Merges counts of the same outlet and day, fills the gaps, sorts by outlet and day. */
  public static List<Row> rows(List<DayCounts> counts) {
    Map<String, Map<LocalDate, long[]>> byOutlet = new TreeMap<>();
    Map<String, Map<LocalDate, Set<String>>> langs = new TreeMap<>();
    Map<String, long[]> undated = new TreeMap<>();
    for (DayCounts c : counts) {
      if (c.day() == null) {
        long[] v = undated.computeIfAbsent(c.outlet(), o -> new long[3]);
        v[0] += c.articles();
        v[1] += c.quarantined();
        v[2] += c.shortTexts();
        continue;
      }
      long[] v =
          byOutlet
              .computeIfAbsent(c.outlet(), o -> new TreeMap<>())
              .computeIfAbsent(c.day(), d -> new long[3]);
      v[0] += c.articles();
      v[1] += c.quarantined();
      v[2] += c.shortTexts();
      langs
          .computeIfAbsent(c.outlet(), o -> new TreeMap<>())
          .computeIfAbsent(c.day(), d -> new TreeSet<>())
          .addAll(c.languages());
    }
    List<Row> out = new ArrayList<>();
    for (var o : byOutlet.entrySet()) {
      TreeMap<LocalDate, long[]> days = new TreeMap<>(o.getValue());
      LocalDate first = null;
      LocalDate last = null;
      for (var d : days.entrySet()) {
        if (d.getValue()[0] > 0) {
          first = first == null ? d.getKey() : first;
          last = d.getKey();
        }
      }
      if (first != null) {
        for (LocalDate d = first; d.isBefore(last); d = d.plusDays(1)) {
          days.putIfAbsent(d, new long[3]);
        }
      }
      for (var d : days.entrySet()) {
        long[] v = d.getValue();
        boolean gap =
            v[0] == 0 && first != null && d.getKey().isAfter(first) && d.getKey().isBefore(last);
        Set<String> l = langs.getOrDefault(o.getKey(), Map.of()).getOrDefault(d.getKey(), Set.of());
        out.add(new Row(o.getKey(), d.getKey(), v[0], v[1], v[2], String.join(",", l), gap));
      }
    }
    undated.forEach((o, v) -> out.add(new Row(o, null, v[0], v[1], v[2], "", false)));
    out.sort(
        Comparator.comparing(Row::outlet)
            .thenComparing(Row::day, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }
}

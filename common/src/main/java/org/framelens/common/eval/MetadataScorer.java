package org.framelens.common.eval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Published-date and title accuracy against the trafilatura benchmark's expected metadata. A date
 * is right when the page-local calendar date we report equals the expected {@code YYYY-MM-DD}; a
 * title is right when it equals the expected one after whitespace normalisation. Not thread-safe.
 */
public final class MetadataScorer {
  private int datesExpected;
  private int datesRight;
  private int datesGiven;
  private int noneExpected;
  private int givenWhenNoneExpected;
  private final Map<String, int[]> bySource = new TreeMap<>();
  private int titlesExpected;
  private int titlesRight;
  private final List<String> dateFailures = new ArrayList<>();

  /**
   * Adds one page. {@code expectedDate} / {@code expectedTitle}: null = no expectation, empty =
   * none expected.
   */
  public void add(
      String page,
      String expectedDate,
      LocalDate date,
      String source,
      String expectedTitle,
      String title) {
    if (expectedDate != null) {
      String got = date == null ? "" : date.toString();
      if (expectedDate.isEmpty()) {
        noneExpected++;
        if (date != null) {
          givenWhenNoneExpected++;
          dateFailures.add("unexpected " + got + " (" + source + ") " + page);
        }
      } else {
        datesExpected++;
        int[] s = bySource.computeIfAbsent(source == null ? "none" : source, k -> new int[2]);
        s[0]++;
        if (date != null) {
          datesGiven++;
        }
        if (got.equals(expectedDate)) {
          datesRight++;
          s[1]++;
        } else {
          dateFailures.add(
              "expected " + expectedDate + " got " + got + " (" + source + ") " + page);
        }
      }
    }
    if (expectedTitle != null && !expectedTitle.isEmpty()) {
      titlesExpected++;
      if (SegmentScorer.collapse(expectedTitle).equals(SegmentScorer.collapse(title))) {
        titlesRight++;
      }
    }
  }

  /** Share of pages with an expected date where ours is that date. */
  public double dateAccuracy() {
    return datesExpected == 0 ? 0 : datesRight / (double) datesExpected;
  }

  /** Share of pages with an expected date where we give any date. */
  public double dateCoverage() {
    return datesExpected == 0 ? 0 : datesGiven / (double) datesExpected;
  }

  public int datesExpected() {
    return datesExpected;
  }

  public int datesRight() {
    return datesRight;
  }

  /** Pages where upstream expects no date. */
  public int noneExpected() {
    return noneExpected;
  }

  /** Pages where upstream expects no date but we give one. */
  public int givenWhenNoneExpected() {
    return givenWhenNoneExpected;
  }

  /** Per source of our date ("none" when we found none): {pages, right}. */
  public Map<String, int[]> bySource() {
    return bySource;
  }

  public double titleAccuracy() {
    return titlesExpected == 0 ? 0 : titlesRight / (double) titlesExpected;
  }

  public int titlesExpected() {
    return titlesExpected;
  }

  /** One line per wrong or unexpected date, for inspection. */
  public List<String> dateFailures() {
    return dateFailures;
  }
}

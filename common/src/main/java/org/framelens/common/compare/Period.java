package org.framelens.common.compare;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * A period of the comparison tables: a day, an ISO week (Monday to Sunday, labelled {@code
 * 2023-W42}) or the whole run. The run's first day is only known once every article is seen, so the
 * run period carries no start here.
 */
public record Period(String type, LocalDate start, String label) {
  public static final String DAY = "day";
  public static final String WEEK = "week";
  public static final String RUN = "run";

  public static Period day(LocalDate date) {
    return new Period(DAY, date, date.toString());
  }

  public static Period week(LocalDate date) {
    LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    String label =
        String.format(
            Locale.ROOT,
            "%d-W%02d",
            date.get(IsoFields.WEEK_BASED_YEAR),
            date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return new Period(WEEK, monday, label);
  }

  public static Period run() {
    return new Period(RUN, null, RUN);
  }

  /** The periods an article of this day counts in: its day, its week, the run. */
  public static Period[] of(LocalDate date) {
    return new Period[] {day(date), week(date), run()};
  }

  /** A string key naming the period, for grouping; {@link #fromKey} reverses it. */
  public String key() {
    return start == null ? type : type + "|" + start + "|" + label;
  }

  public static Period fromKey(String key) {
    String[] p = key.split("\\|", -1);
    return p.length == 1 ? run() : new Period(p[0], LocalDate.parse(p[1]), p[2]);
  }
}

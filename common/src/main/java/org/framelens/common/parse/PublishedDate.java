package org.framelens.common.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A page's publication time as found: the instant (null when only a calendar date is written), the
 * calendar date as the page writes it (its own local date, which the instant in UTC may not share),
 * where it was found ({@code meta}, {@code json-ld}, {@code time}, {@code text}, {@code url} or
 * {@code script}) and the offset the page wrote (null when it wrote none).
 */
record PublishedDate(Instant instant, LocalDate localDate, String source, ZoneOffset offset) {

  static final String META = "meta";
  static final String JSON_LD = "json-ld";
  static final String TIME = "time";
  static final String TEXT = "text";
  static final String URL = "url";
  static final String SCRIPT = "script";

  /** The date a machine-readable value names, or null when it does not parse or is implausible. */
  static PublishedDate of(String value, String source) {
    ZonedDateTime t = Dates.parseZoned(value);
    if (t == null || !plausible(t.toLocalDate())) {
      return null;
    }
    return new PublishedDate(t.toInstant(), t.toLocalDate(), source, t.getOffset());
  }

  /** Not before 1990 and at most a year ahead: anything else is not a news page's date. */
  static boolean plausible(LocalDate d) {
    return d.getYear() >= 1990 && !d.isAfter(LocalDate.now().plusYears(1));
  }
}

package org.framelens.common.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the date forms documents and manifests use. */
public final class Dates {
  private Dates() {}

  /** Parses the date forms pages use; null for anything unparseable. */
  public static Instant parse(String value) {
    ZonedDateTime t = parseZoned(value);
    return t == null ? null : t.toInstant();
  }

  /**
   * The calendar date as the value writes it, before any conversion to UTC
   * ("2023-10-21T00:30+02:00" gives 2023-10-21, whereas its instant falls on 2023-10-20 in UTC);
   * null when unparseable.
   */
  public static LocalDate parseLocalDate(String value) {
    ZonedDateTime t = parseZoned(value);
    return t == null ? null : t.toLocalDate();
  }

  private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSSSSS][.SSS]Z");
  private static final DateTimeFormatter SPACE_AND_OFFSET =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS][ ]XXX");
  private static final DateTimeFormatter SPACE_AND_OFFSET_WITHOUT_COLON =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSSSSS][.SSS][ ]Z");

  /** Day-first and slash forms with a four-digit year: 21.10.2023, 2023/10/21, 21/10/2023. */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile(
          "^(?:(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})|(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}))"
              + "(?![\\d])");

  /** Compact 20231021 or 20231021T103000 forms. */
  private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:$|T)");

  /** The parsed value in the offset it was written in (UTC when it names none). */
  static ZonedDateTime parseZoned(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > 80) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toZonedDateTime();
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(v);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    for (DateTimeFormatter f :
        new DateTimeFormatter[] {
          OFFSET_WITHOUT_COLON, SPACE_AND_OFFSET, SPACE_AND_OFFSET_WITHOUT_COLON
        }) {
      try {
        return OffsetDateTime.parse(v, f).toZonedDateTime();
      } catch (DateTimeParseException ignored) {
        // try the next form
      }
    }
    try {
      return LocalDateTime.parse(v.replace(' ', 'T')).atZone(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    Matcher m = NUMERIC_DATE.matcher(v);
    if (m.find()) {
      return m.group(1) != null
          ? date(m.group(1), m.group(2), m.group(3))
          : date(m.group(6), m.group(5), m.group(4));
    }
    m = COMPACT_DATE.matcher(v);
    if (m.find()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    return null;
  }

  /** Midnight UTC of the given date; null when it does not exist. */
  static ZonedDateTime date(String year, String month, String day) {
    try {
      return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day))
          .atStartOfDay(ZoneOffset.UTC);
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}

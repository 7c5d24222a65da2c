package org.framelens.common.parse;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates written for readers in German, English, Spanish, French, Italian, Portuguese, Polish,
 * Russian and Ukrainian bylines: "21. Oktober 2023", "21 de octubre de 2023", "21 octobre 2023",
 * "October 21, 2023", "21 Oct 2023", "21.10.2023", "2023-10-21". Slash forms (10/21/2023) are read
 * only when the caller gives their day-month order, which depends on the country. Stateless,
 * thread-safe.
 */
final class TextDates {
  private TextDates() {}

  private static final Map<String, Integer> MONTHS = new HashMap<>();

  private static void months(String... names) {
    for (int i = 0; i < 12; i++) {
      for (String n : names[i].split("\\|")) {
        MONTHS.put(n, i + 1);
      }
    }
  }

  static {
    months(
        "januar|jänner|january|enero|janvier|gennaio|janeiro|jan|jän|ene|janv|gen|stycznia|styczeń",
        "februar|feber|february|febrero|février|fevrier|febbraio|fevereiro|feb|févr|fevr|fev|lutego|luty",
        "märz|maerz|march|marzo|mars|março|marco|mär|mrz|mar|marca|marzec",
        "april|abril|avril|aprile|apr|abr|avr|kwietnia|kwiecień",
        "mai|may|mayo|maggio|maio|mag|maja|maj",
        "juni|june|junio|juin|giugno|junho|jun|giu|czerwca|czerwiec",
        "juli|july|julio|juillet|luglio|julho|jul|juil|lug|lipca|lipiec",
        "august|agosto|août|aout|aug|ago|aoû|sierpnia|sierpień",
        "september|septiembre|setiembre|septembre|settembre|setembro|sep|sept|set|września|wrzesień",
        "oktober|october|octubre|octobre|ottobre|outubro|okt|oct|ott|out|października|październik",
        "november|noviembre|novembre|novembro|nov|listopada|listopad",
        "dezember|december|diciembre|décembre|decembre|dicembre|dezembro|dez|dec|dic|déc|grudnia|grudzień");
    // Russian and Ukrainian, in the genitive a date uses ("15 августа 2016") and the nominative.
    months(
        "января|январь|янв|січня|січень",
        "февраля|февраль|фев|лютого|лютий",
        "марта|март|мар|березня|березень",
        "апреля|апрель|апр|квітня|квітень",
        "мая|май|травня|травень",
        "июня|июнь|июн|червня|червень",
        "июля|июль|июл|липня|липень",
        "августа|август|авг|серпня|серпень",
        "сентября|сентябрь|сен|сент|вересня|вересень",
        "октября|октябрь|окт|жовтня|жовтень",
        "ноября|ноябрь|ноя|листопада|листопад",
        "декабря|декабрь|дек|грудня|грудень");
  }

  private static final String MONTH = "(\\p{L}{3,12})\\.?";
  private static final String YEAR = "((?:19|20)\\d{2})(?!\\d)";

  /** 21. Oktober 2023, 21 de octubre de 2023, 21 octobre 2023, 21 Oct. 2023, 1er mars 2023. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "(?<![\\d.])([0-3]?\\d)(?:\\.|er|º|st|nd|rd|th)?\\s+(?:de\\s+)?"
              + MONTH
              + ",?\\s+(?:de\\s+|del\\s+)?"
              + YEAR,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** October 21, 2023; Oct. 21st 2023. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          MONTH + "\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+" + YEAR,
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** 21.10.2023, 21.10.23 (German day-first numeric forms), 2023-10-21. */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "(?<![\\d.])([0-3]?\\d)\\.\\s?([01]?\\d)\\.\\s?((?:19|20)?\\d{2})(?![\\d.]\\d)"
              + "|(?<![\\d-])((?:19|20)\\d{2})-([01]\\d)-([0-3]\\d)(?!\\d)");

  /** 21/10/2023 or 10/21/2023: which, depends on the country. */
  private static final Pattern SLASHED =
      Pattern.compile("(?<![\\d/])([01]?\\d|[23]\\d)/([0-3]?\\d)/((?:19|20)\\d{2})(?![\\d/])");

  /** How to read slash dates: not at all, day first (21/10/2023) or month first (10/21/2023). */
  enum Slashes {
    IGNORED,
    DAY_FIRST,
    MONTH_FIRST
  }

  /** The first date written in {@code text}, or null; slash dates are left out. */
  static LocalDate find(String text) {
    return find(text, Slashes.IGNORED);
  }

  /** The first date written in {@code text}, slash dates read as {@code slashes} says, or null. */
  static LocalDate find(String text, Slashes slashes) {
    Found f = first(text, slashes);
    return f == null ? null : f.date();
  }

  /** A date and the index in the text where it is written. */
  private record Found(LocalDate date, int at) {}

  private static Found first(String text, Slashes slashes) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    LocalDate best = null;
    int bestAt = Integer.MAX_VALUE;
    Matcher m = DAY_MONTH_YEAR.matcher(text);
    while (m.find() && m.start() < bestAt) {
      LocalDate d = date(m.group(3), MONTHS.get(lower(m.group(2))), m.group(1));
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = MONTH_DAY_YEAR.matcher(text);
    while (m.find() && m.start() < bestAt) {
      LocalDate d = date(m.group(3), MONTHS.get(lower(m.group(1))), m.group(2));
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    m = NUMERIC.matcher(text);
    while (m.find() && m.start() < bestAt) {
      LocalDate d;
      if (m.group(1) != null) {
        String y = m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
        d = date(y, Integer.parseInt(m.group(2)), m.group(1));
      } else {
        d = date(m.group(4), Integer.parseInt(m.group(5)), m.group(6));
      }
      if (d != null) {
        best = d;
        bestAt = m.start();
        break;
      }
    }
    if (slashes != Slashes.IGNORED) {
      m = SLASHED.matcher(text);
      while (m.find() && m.start() < bestAt) {
        int a = Integer.parseInt(m.group(1));
        String b = m.group(2);
        LocalDate d =
            slashes == Slashes.DAY_FIRST
                ? date(m.group(3), Integer.parseInt(b), m.group(1))
                : date(m.group(3), a, b);
        if (d != null) {
          best = d;
          bestAt = m.start();
          break;
        }
      }
    }
    return best == null ? null : new Found(best, bestAt);
  }

  private static final Pattern LEADING =
      Pattern.compile("^[^\\p{L}\\d]{0,3}(?:\\p{L}{2,12},?\\s+)?");

  /**
   * The date {@code text} starts with, allowing a weekday name before it ("Freitag, 21.10.2023"),
   * or null.
   */
  static LocalDate startingDate(String text) {
    return startingDate(text, Slashes.IGNORED);
  }

  /** As {@link #startingDate(String)}, slash dates read as {@code slashes} says. */
  static LocalDate startingDate(String text, Slashes slashes) {
    if (text == null) {
      return null;
    }
    for (int skip = 0; skip < 2; skip++) {
      String t = text;
      if (skip == 1) {
        Matcher lead = LEADING.matcher(text);
        if (!lead.find() || lead.end() == 0) {
          return null;
        }
        t = text.substring(lead.end());
      }
      Found f = first(t, slashes);
      if (f != null && f.at() == 0) {
        return f.date();
      }
    }
    return null;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static LocalDate date(String year, Integer month, String day) {
    if (month == null) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
    } catch (java.time.DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}

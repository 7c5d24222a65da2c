package org.framelens.common.lexicon;

/**
 * Marks which characters of a paragraph lie inside double quotation marks. Quotes open and close in
 * pairs (« », „ “, “ ”, " ", ‹ ›, and the reversed » « and ” ” of some languages); an unclosed
 * quotation ends at the paragraph's end. Apostrophes and single quotes are not quotation marks. A
 * Hebrew gershayim (צה"ל, ארה"ב) is not a quotation mark, but a " after only prefix letters at the
 * start of a word (ב"ארגון) opens one.
 */
public final class Voice {
  private Voice() {}

  public static final String OWN = "own";
  public static final String QUOTED = "quoted";

  private static final String HEBREW_PREFIX_LETTERS = "והבכלמש";

  public static boolean[] quotedChars(String p) {
    return quotedChars(p, false);
  }

  /**
   * As {@link #quotedChars(String)}, and with {@code cornerBrackets} also the CJK quotation marks:
   * corner brackets 「 」 (and their half-width forms ｢ ｣) and white corner brackets 『 』 (Japanese,
   * traditional Chinese; 『』 inside 「」 or for titles), their vertical forms ﹁﹂ ﹃﹄, and the double
   * prime quotation marks 〝 〞 〟. In other languages these characters do not occur as quotes.
   */
  public static boolean[] quotedChars(String p, boolean cornerBrackets) {
    boolean[] quoted = new boolean[p.length()];
    char opener = 0;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if ((isQuoteChar(c) || (cornerBrackets && isCjkQuoteChar(c))) && !isGershayim(p, i)) {
        if (opener == 0) {
          opener = c;
          quoted[i] = true;
          continue;
        }
        if (closes(opener, c)) {
          quoted[i] = true;
          opener = 0;
          continue;
        }
      }
      quoted[i] = opener != 0;
    }
    return quoted;
  }

  private static boolean isQuoteChar(char c) {
    return switch (c) {
      case '"',
              '\u201C',
              '\u201D',
              '\u201E',
              '\u00AB',
              '\u00BB',
              '\u2039',
              '\u203A',
              '\u05F4',
              '\uFF02',
              '\u201F' ->
          true;
      default -> false;
    };
  }

  private static boolean isCjkQuoteChar(char c) {
    return switch (c) {
      case '\uFF62',
              '\uFF63',
              '\u300C',
              '\u300D',
              '\u300E',
              '\u300F',
              '\uFE41',
              '\uFE42',
              '\uFE43',
              '\uFE44',
              '\u301D',
              '\u301E',
              '\u301F' ->
          true;
      default -> false;
    };
  }

  private static boolean closes(char opener, char c) {
    return switch (opener) {
      case '\u300C', '\uFF62' -> c == '\u300D' || c == '\uFF63';
      case '\u300E' -> c == '\u300F';
      case '\uFE41' -> c == '\uFE42';
      case '\uFE43' -> c == '\uFE44';
      case '\u301D' -> c == '\u301E' || c == '\u301F';
      case '\u00AB' -> c == '\u00BB';
      case '\u00BB' -> c == '\u00AB';
      case '\u2039' -> c == '\u203A';
      case '\u203A' -> c == '\u2039';
      case '\u201E', '\u201F' -> c == '\u201C' || c == '\u201D';
      case '\u201C' -> c == '\u201D' || c == '\u201C';
      case '\u201D' -> c == '\u201D';
      case '"', '\uFF02', '\u05F4' -> c == '"' || c == '\uFF02' || c == '\u05F4' || c == '\u201D';
      default -> false;
    };
  }

  private static boolean isHebrewLetter(char c) {
    return c >= 0x05D0 && c <= 0x05EA;
  }

  /** A " or ״ inside a Hebrew word before its last one or two letters, after non-prefix letters. */
  static boolean isGershayim(String p, int i) {
    char c = p.charAt(i);
    if (c != '"' && c != '\u05F4') {
      return false;
    }
    if (i == 0
        || i + 1 >= p.length()
        || !isHebrewLetter(p.charAt(i - 1))
        || !isHebrewLetter(p.charAt(i + 1))) {
      return false;
    }
    int start = i;
    while (start > 0 && isHebrewLetter(p.charAt(start - 1))) {
      start--;
    }
    boolean onlyPrefixes = i - start <= 3;
    for (int k = start; k < i && onlyPrefixes; k++) {
      onlyPrefixes = HEBREW_PREFIX_LETTERS.indexOf(p.charAt(k)) >= 0;
    }
    int after = 0;
    while (i + 1 + after < p.length() && isHebrewLetter(p.charAt(i + 1 + after))) {
      after++;
    }
    if (after <= 2) {
      return true; // abbreviation: צה"ל, ארה"ב, מנכ"ל
    }
    return !onlyPrefixes;
  }
}

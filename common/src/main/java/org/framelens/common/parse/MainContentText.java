package org.framelens.common.parse;

/** Small text helpers shared by the main-content extractor (package-private, stateless). */
final class MainContentText {
  private MainContentText() {}

  /** Whitespace as Python's {@code str.split()} sees it, plus the NBSP family. */
  static boolean isSpace(char c) {
    return c == ' '
        || c == '\n'
        || c == '\t'
        || c == '\r'
        || c == '\u0085'
        || Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isISOControl(c);
  }

  /** Collapses every run of whitespace into one space and trims. */
  static String collapse(CharSequence s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Lower-case letters and digits only: used to compare titles and detect duplicates. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  static int countCommas(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '\uFF0C' || c == '\u3001' || c == '\u060C') {
        n++;
      }
    }
    return n;
  }
}

package org.framelens.jobs.report;

/** Escaping for text and attribute values in HTML and inline SVG. */
public final class Html {
  private Html() {}

  /**
   * Escapes {@code & < > " '}; null becomes the empty string. Safe in text and quoted attributes.
   */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // control characters other than tab and newline are not allowed in HTML text
          if (c < 0x20 && c != '\t' && c != '\n') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}

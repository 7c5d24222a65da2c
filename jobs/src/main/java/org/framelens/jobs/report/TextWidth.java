package org.framelens.jobs.report;

import java.util.Collection;

/** Rough text widths for laying out SVG labels (there is no font metrics at build time). */
public final class TextWidth {
  private TextWidth() {}

  /** Width in pixels of the longest text at the given font size (about 0.6 em per character). */
  static int estimate(Collection<String> texts, int fontSize) {
    int longest = 0;
    for (String t : texts) {
      longest = Math.max(longest, t == null ? 0 : t.codePointCount(0, t.length()));
    }
    return (int) Math.ceil(longest * fontSize * 0.6);
  }
}

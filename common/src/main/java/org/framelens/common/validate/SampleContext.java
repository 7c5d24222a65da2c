package org.framelens.common.validate;

/**
 * The context a coder reads: the paragraph holding the match, or, when the paragraph is long, the
 * {@value #AROUND} characters either side, with the match marked {@code [[...]]}.
 */
public final class SampleContext {
  private SampleContext() {}

  public static final String OPEN = "[[";
  public static final String CLOSE = "]]";

  /** Characters either side of the match when the paragraph is longer. */
  public static final int AROUND = 200;

  /**
   * @param section the section's text (title, or body paragraphs joined by newlines)
   * @param start the match's start offset in it
   * @param end the match's end offset (exclusive)
   * @return the marked context; empty when the offsets do not fit the text
   */
  public static String marked(String section, int start, int end) {
    if (section == null || start < 0 || end < start || end > section.length()) {
      return "";
    }
    int pStart = section.lastIndexOf('\n', start - 1) + 1;
    int pEnd = section.indexOf('\n', end);
    if (pEnd < 0) {
      pEnd = section.length();
    }
    int from = Math.max(pStart, start - AROUND);
    int to = Math.min(pEnd, end + AROUND);
    // never cut a surrogate pair
    if (from > pStart && Character.isLowSurrogate(section.charAt(from))) {
      from--;
    }
    if (to < pEnd && Character.isHighSurrogate(section.charAt(to - 1))) {
      to++;
    }
    return (from > pStart ? "…" : "")
        + section.substring(from, start)
        + OPEN
        + section.substring(start, end)
        + CLOSE
        + section.substring(end, to)
        + (to < pEnd ? "…" : "");
  }
}

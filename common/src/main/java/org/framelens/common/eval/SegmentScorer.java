package org.framelens.common.eval;

import java.util.List;

/**
 * The trafilatura benchmark score (upstream {@code tests/eval_common.py}): whitespace-normalised,
 * case-sensitive substring search of each page's "with" and "without" segments in the output,
 * counts summed over pages (micro-average).
 */
public final class SegmentScorer {
  private SegmentScorer() {}

  /** Summed counts; add pages with {@link #add}. Not thread-safe. */
  public static final class Counts {
    long tp;
    long fn;
    long fp;
    long tn;

    /** Adds one page's output; a null or empty output finds nothing. */
    public Counts add(String output, List<String> with, List<String> without) {
      String text = collapse(output);
      for (String w : with) {
        if (!text.isEmpty() && text.contains(collapse(w))) {
          tp++;
        } else {
          fn++;
        }
      }
      for (String w : without) {
        if (!text.isEmpty() && text.contains(collapse(w))) {
          fp++;
        } else {
          tn++;
        }
      }
      return this;
    }

    public long tp() {
      return tp;
    }

    public long fn() {
      return fn;
    }

    public long fp() {
      return fp;
    }

    public long tn() {
      return tn;
    }

    public double precision() {
      return ratio(tp, tp + fp);
    }

    public double recall() {
      return ratio(tp, tp + fn);
    }

    public double f() {
      return ratio(2 * tp, 2 * tp + fp + fn);
    }

    public double accuracy() {
      return ratio(tp + tn, tp + fn + fp + tn);
    }

    private static double ratio(long a, long b) {
      return b == 0 ? 0 : a / (double) b;
    }
  }

  /** Whitespace as Python's {@code str.split()} sees it, plus the NBSP family and controls. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isISOControl(c)
        || c == '\u0085';
  }

  /** Collapses every run of whitespace into one space and trims. */
  public static String collapse(CharSequence s) {
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
}

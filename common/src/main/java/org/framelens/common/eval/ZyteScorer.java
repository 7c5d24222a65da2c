package org.framelens.common.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Zyte article-extraction-benchmark score, as upstream {@code evaluate.py} computes it: 4-token
 * shingle multisets per page, tp / fp / fn normalised per page, precision and recall averaged over
 * pages, F1 from the two averages, accuracy = share of pages with identical token lists.
 */
public final class ZyteScorer {
  private ZyteScorer() {}

  /** Averages over all pages; {@code perPage} holds "f1 p r id" lines. */
  public record Score(
      double precision, double recall, double f1, double accuracy, List<String> perPage) {}

  /**
   * Scores {@code predicted} (id to extracted text; a missing id counts as empty) against {@code
   * expected} (id to true article body).
   */
  public static Score score(Map<String, String> expected, Function<String, String> predicted) {
    double pSum = 0;
    int pN = 0;
    double rSum = 0;
    int rN = 0;
    int exact = 0;
    List<String> perPage = new ArrayList<>();
    for (Map.Entry<String, String> page : expected.entrySet()) {
      String got = predicted.apply(page.getKey());
      List<String> te = tokens(page.getValue());
      List<String> tg = tokens(got == null ? "" : got);
      if (te.equals(tg)) {
        exact++;
      }
      Map<List<String>, Integer> ce = shingles(te);
      Map<List<String>, Integer> cg = shingles(tg);
      double tp = 0;
      double fp = 0;
      double fn = 0;
      for (Map.Entry<List<String>, Integer> e : ce.entrySet()) {
        int g = cg.getOrDefault(e.getKey(), 0);
        tp += Math.min(e.getValue(), g);
        fn += Math.max(0, e.getValue() - g);
      }
      for (Map.Entry<List<String>, Integer> e : cg.entrySet()) {
        fp += Math.max(0, e.getValue() - ce.getOrDefault(e.getKey(), 0));
      }
      double p;
      double r;
      if (fp == 0 && fn == 0) {
        p = 1;
        r = 1;
        pSum += 1;
        pN++;
        rSum += 1;
        rN++;
      } else {
        double sum = tp + fp + fn;
        tp /= sum;
        fp /= sum;
        fn /= sum;
        p = tp + fp > 0 ? tp / (tp + fp) : 0;
        r = tp + fn > 0 ? tp / (tp + fn) : 0;
        if (tp + fp > 0) {
          pSum += p;
          pN++;
        }
        if (tp + fn > 0) {
          rSum += r;
          rN++;
        }
      }
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      perPage.add(String.format(Locale.ROOT, "%.3f %.3f %.3f %s", f, p, r, page.getKey()));
    }
    double p = pN == 0 ? 0 : pSum / pN;
    double r = rN == 0 ? 0 : rSum / rN;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Score(
        p, r, f, expected.isEmpty() ? 0 : exact / (double) expected.size(), List.copyOf(perPage));
  }

  /** Python's {@code re.findall(r"\w+", text)}: runs of Unicode letters, numbers and '_'. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      boolean word = cp == '_' || Character.isLetter(cp) || isNumber(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(text.substring(start));
    }
    return out;
  }

  private static boolean isNumber(int cp) {
    int t = Character.getType(cp);
    return t == Character.DECIMAL_DIGIT_NUMBER
        || t == Character.LETTER_NUMBER
        || t == Character.OTHER_NUMBER;
  }

  /** 4-token shingle counts; fewer than 4 tokens give one shorter shingle, none give none. */
  public static Map<List<String>, Integer> shingles(List<String> tokens) {
    Map<List<String>, Integer> m = new HashMap<>();
    if (tokens.isEmpty()) {
      return m;
    }
    if (tokens.size() < 4) {
      m.put(List.copyOf(tokens), 1);
      return m;
    }
    for (int i = 0; i + 4 <= tokens.size(); i++) {
      m.merge(List.copyOf(tokens.subList(i, i + 4)), 1, Integer::sum);
    }
    return m;
  }
}

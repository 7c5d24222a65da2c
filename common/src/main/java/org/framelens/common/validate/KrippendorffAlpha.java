package org.framelens.common.validate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"), written out here because no maintained Java library computes it.
 *
 * <p>Only pairable values count: a unit (item) with fewer than two values is left out. With o_ck
 * the coincidences of values c and k (each unit u adds, for every ordered pair of its m_u values
 * from different coders, 1/(m_u − 1)), n_c = Σ_k o_ck and n = Σ_c n_c:
 *
 * <pre>α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k</pre>
 */
public final class KrippendorffAlpha {
  private KrippendorffAlpha() {}

  /** Alpha and how much it rests on. */
  public record Result(double alpha, int units, int pairableValues) {
    /** Whether alpha is defined: two or more values in use among pairable values. */
    public boolean defined() {
      return !Double.isNaN(alpha);
    }
  }

  /**
   * @param units per unit, the values the coders gave it (one per coder; missing values left out)
   * @return alpha; NaN when no unit has two values or all pairable values are the same (then
   *     disagreement cannot be told from chance and alpha is undefined)
   */
  public static Result nominal(Collection<? extends List<String>> units) {
    Map<String, Map<String, Double>> o = new HashMap<>();
    int pairableUnits = 0;
    int values = 0;
    for (List<String> u : units) {
      int m = u.size();
      if (m < 2) {
        continue;
      }
      pairableUnits++;
      values += m;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          if (i != j) {
            o.computeIfAbsent(u.get(i), c -> new HashMap<>())
                .merge(u.get(j), 1.0 / (m - 1), Double::sum);
          }
        }
      }
    }
    Map<String, Double> nc = new HashMap<>();
    double disagree = 0;
    for (var row : o.entrySet()) {
      for (var cell : row.getValue().entrySet()) {
        nc.merge(row.getKey(), cell.getValue(), Double::sum);
        if (!row.getKey().equals(cell.getKey())) {
          disagree += cell.getValue();
        }
      }
    }
    double n = 0;
    for (double v : nc.values()) {
      n += v;
    }
    double expected = 0;
    for (var c : nc.entrySet()) {
      for (var k : nc.entrySet()) {
        if (!c.getKey().equals(k.getKey())) {
          expected += c.getValue() * k.getValue();
        }
      }
    }
    double alpha = expected == 0 ? Double.NaN : 1 - (n - 1) * disagree / expected;
    return new Result(alpha, pairableUnits, values);
  }
}

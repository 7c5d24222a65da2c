package org.framelens.common.stats;

/**
 * The statistics of the comparison tables, as plain functions (the Spark jobs apply them per row).
 */
public final class FramingStats {
  private FramingStats() {}

  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /**
   * Wilson score interval for a proportion k/n at 95%.
   *
   * @return {low, high}; {0, 0} when n is 0
   */
  public static double[] wilson95(long k, long n) {
    if (n <= 0) {
      return new double[] {0, 0};
    }
    double p = (double) k / n;
    double z2 = Z95 * Z95;
    double denom = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denom;
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
    // exact bounds at the edges (floating point leaves ±1e-17 there)
    double low = k == 0 ? 0 : Math.max(0, centre - half);
    double high = k == n ? 1 : Math.min(1, centre + half);
    return new double[] {low, high};
  }

  /**
   * Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
   * "Fightin' Words", eq. 16 and 20), z-scored: how much more group i uses word w than group j.
   *
   * <p>δ = log((y_i+α_w)/(n_i+α_0−y_i−α_w)) − log((y_j+α_w)/(n_j+α_0−y_j−α_w)), σ² ≈ 1/(y_i+α_w) +
   * 1/(y_j+α_w), z = δ/σ.
   *
   * @param yi count of the word (frame) in group i
   * @param ni count of all words (all frames' hits) in group i
   * @param yj count of the word in group j
   * @param nj count of all words in group j
   * @param alphaW prior count of the word (from the background corpus)
   * @param alpha0 prior count of all words (sum of the α_w)
   * @return z, or NaN when the prior gives no information (α_w ≤ 0)
   */
  public static double logOddsZ(
      double yi, double ni, double yj, double nj, double alphaW, double alpha0) {
    if (alphaW <= 0 || alpha0 <= alphaW) {
      return Double.NaN;
    }
    double di = Math.log((yi + alphaW) / (ni + alpha0 - yi - alphaW));
    double dj = Math.log((yj + alphaW) / (nj + alpha0 - yj - alphaW));
    double variance = 1.0 / (yi + alphaW) + 1.0 / (yj + alphaW);
    return (di - dj) / Math.sqrt(variance);
  }

  /**
   * Jensen–Shannon distance (base 2): the square root of the divergence, in [0, 1]. The inputs are
   * counts over the same categories; each is normalised to a distribution.
   *
   * @return the distance, or NaN when either side has no counts
   */
  public static double jensenShannonDistance(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("distributions over different categories");
    }
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < a.length; i++) {
      sa += a[i];
      sb += b[i];
    }
    if (sa <= 0 || sb <= 0) {
      return Double.NaN;
    }
    double divergence = 0;
    for (int i = 0; i < a.length; i++) {
      double p = a[i] / sa;
      double q = b[i] / sb;
      double m = (p + q) / 2;
      if (p > 0) {
        divergence += 0.5 * p * log2(p / m);
      }
      if (q > 0) {
        divergence += 0.5 * q * log2(q / m);
      }
    }
    return Math.sqrt(Math.max(0, Math.min(1, divergence)));
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}

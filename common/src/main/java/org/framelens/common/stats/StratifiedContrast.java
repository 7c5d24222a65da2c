package org.framelens.common.stats;

/**
 * Two groups (outlets) compared on a proportion (the share of their articles with a frame) with the
 * strata (stories) held fixed: the Mantel–Haenszel odds ratio over the strata both groups have,
 * with the Robins–Breslow–Greenland interval, and Kitagawa's decomposition of the raw difference of
 * the two proportions into a composition (selection) part and a rate (framing) part.
 *
 * <p>Per stratum s: group A has {@code nA[s]} units of which {@code xA[s]} have the trait, group B
 * {@code nB[s]} and {@code xB[s]}; a stratum may be empty for one of the groups (a story only one
 * outlet covered), never for both.
 */
public final class StratifiedContrast {
  private StratifiedContrast() {}

  /**
   * The contrast of A and B.
   *
   * @param sharedStrata strata in which both groups have units
   * @param sharedA units of A in the shared strata
   * @param sharedB units of B in the shared strata
   * @param sharedWithTraitA units of A with the trait in the shared strata
   * @param sharedWithTraitB units of B with the trait in the shared strata
   * @param orMh Mantel–Haenszel odds ratio over the shared strata; null when undefined (no
   *     discordant weight on one side: Σ a·d/N or Σ b·c/N is 0)
   * @param orMhCiLow lower bound of the 95% interval, exp(ln OR_MH − 1.96·SE_RBG); null with orMh
   * @param orMhCiHigh upper bound; null with orMh
   * @param shareA raw proportion of A over all its strata: Σ xA / Σ nA
   * @param shareB raw proportion of B
   * @param difference shareA − shareB
   * @param selection Kitagawa's composition part: Σ_s (cA_s − cB_s)·(rA_s + rB_s)/2
   * @param framing Kitagawa's rate part: Σ_s (rA_s − rB_s)·(cA_s + cB_s)/2
   */
  public record Result(
      long sharedStrata,
      long sharedA,
      long sharedB,
      long sharedWithTraitA,
      long sharedWithTraitB,
      Double orMh,
      Double orMhCiLow,
      Double orMhCiHigh,
      double shareA,
      double shareB,
      double difference,
      double selection,
      double framing) {}

  /**
   * The contrast over the strata given. Kitagawa (1955) needs a rate of both groups in every
   * stratum; where one group has no units its composition weight is 0, and its rate is taken equal
   * to the other group's: the stratum then adds nothing to the framing part (no framing difference
   * can be seen in a story one outlet did not cover) and all of its weight to the selection part.
   * With that choice the two parts sum to the raw difference exactly (up to rounding), whatever
   * rate is assumed, because the assumed rate is multiplied by a weight of 0 in the raw share.
   *
   * @throws IllegalArgumentException when the arrays differ in length, a count is negative, a trait
   *     count exceeds its units, or a group has no units at all
   */
  public static Result of(long[] nA, long[] xA, long[] nB, long[] xB) {
    int k = nA.length;
    if (xA.length != k || nB.length != k || xB.length != k) {
      throw new IllegalArgumentException("strata arrays differ in length");
    }
    long totalA = 0;
    long totalB = 0;
    long traitA = 0;
    long traitB = 0;
    for (int s = 0; s < k; s++) {
      if (nA[s] < 0 || nB[s] < 0 || xA[s] < 0 || xB[s] < 0 || xA[s] > nA[s] || xB[s] > nB[s]) {
        throw new IllegalArgumentException("impossible counts in stratum " + s);
      }
      totalA += nA[s];
      totalB += nB[s];
      traitA += xA[s];
      traitB += xB[s];
    }
    if (totalA == 0 || totalB == 0) {
      throw new IllegalArgumentException("a group without units");
    }
    // Mantel-Haenszel with the Robins-Breslow-Greenland (1986) variance of ln OR_MH:
    // R_s = a d / N, S_s = b c / N, P_s = (a + d) / N, Q_s = (b + c) / N;
    // Var = Σ P R / (2 R²) + Σ (P S + Q R) / (2 R S) + Σ Q S / (2 S²), R = Σ R_s, S = Σ S_s
    double sumR = 0;
    double sumS = 0;
    double sumPR = 0;
    double sumPSQR = 0;
    double sumQS = 0;
    long shared = 0;
    long sharedA = 0;
    long sharedB = 0;
    long sharedTraitA = 0;
    long sharedTraitB = 0;
    double selection = 0;
    double framing = 0;
    for (int s = 0; s < k; s++) {
      if (nA[s] == 0 && nB[s] == 0) {
        continue;
      }
      double cA = (double) nA[s] / totalA;
      double cB = (double) nB[s] / totalB;
      double rA = nA[s] > 0 ? (double) xA[s] / nA[s] : (double) xB[s] / nB[s];
      double rB = nB[s] > 0 ? (double) xB[s] / nB[s] : rA;
      selection += (cA - cB) * (rA + rB) / 2;
      framing += (rA - rB) * (cA + cB) / 2;
      if (nA[s] == 0 || nB[s] == 0) {
        continue;
      }
      shared++;
      sharedA += nA[s];
      sharedB += nB[s];
      sharedTraitA += xA[s];
      sharedTraitB += xB[s];
      double a = xA[s];
      double b = nA[s] - xA[s];
      double c = xB[s];
      double d = nB[s] - xB[s];
      double n = nA[s] + nB[s];
      double r = a * d / n;
      double sv = b * c / n;
      double p = (a + d) / n;
      double q = (b + c) / n;
      sumR += r;
      sumS += sv;
      sumPR += p * r;
      sumPSQR += p * sv + q * r;
      sumQS += q * sv;
    }
    Double or = null;
    Double low = null;
    Double high = null;
    if (sumR > 0 && sumS > 0) {
      or = sumR / sumS;
      double variance =
          sumPR / (2 * sumR * sumR) + sumPSQR / (2 * sumR * sumS) + sumQS / (2 * sumS * sumS);
      double half = FramingStats.Z95 * Math.sqrt(variance);
      low = Math.exp(Math.log(or) - half);
      high = Math.exp(Math.log(or) + half);
    }
    double shareA = (double) traitA / totalA;
    double shareB = (double) traitB / totalB;
    return new Result(
        shared,
        sharedA,
        sharedB,
        sharedTraitA,
        sharedTraitB,
        or,
        low,
        high,
        shareA,
        shareB,
        shareA - shareB,
        selection,
        framing);
  }
}

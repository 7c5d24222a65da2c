package org.framelens.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand (shown in the comments). */
class FramingStatsTest {
  @Test
  void wilsonIntervalMatchesTheHandComputedValues() {
    // k=3, n=10: p=0.3, z²=3.841459; denom=1.3841459; centre=(0.3+0.1920730)/1.3841459=0.3555066
    // half=1.959964*sqrt(0.021+0.0096036)/1.3841459=1.959964*0.1749390/1.3841459=0.2477153
    // low=0.1077913, high=0.6032219
    double[] ci = FramingStats.wilson95(3, 10);
    assertThat(ci[0]).isCloseTo(0.1077913, within(1e-6));
    assertThat(ci[1]).isCloseTo(0.6032219, within(1e-6));
  }

  @Test
  void wilsonIntervalStaysInsideZeroAndOne() {
    double[] none = FramingStats.wilson95(0, 5);
    double[] all = FramingStats.wilson95(5, 5);
    assertThat(none[0]).isZero();
    assertThat(none[1]).isGreaterThan(0).isLessThan(1);
    assertThat(all[1]).isEqualTo(1.0, within(1e-12));
    assertThat(FramingStats.wilson95(0, 0)).containsExactly(0, 0);
  }

  @Test
  void logOddsZOfATinyTwoOutletExampleMatchesTheHandComputation() {
    // Outlet A: 8 of its 10 hits are "terrorism"; outlet B: 2 of 10. Corpus prior: terrorism 10
    // of 20 hits (α_w=10, α_0=20).
    // δ_A = ln((8+10)/(10+20-8-10)) = ln(18/12) = 0.4054651
    // δ_B = ln((2+10)/(10+20-2-10)) = ln(12/18) = -0.4054651
    // σ² = 1/18 + 1/12 = 0.1388889; z = 0.8109302/0.3726780 = 2.1759541
    assertThat(FramingStats.logOddsZ(8, 10, 2, 10, 10, 20)).isCloseTo(2.1759541, within(1e-6));
    assertThat(FramingStats.logOddsZ(2, 10, 8, 10, 10, 20)).isCloseTo(-2.1759541, within(1e-6));
  }

  @Test
  void logOddsZIsZeroWhenBothOutletsUseAFrameAlike() {
    assertThat(FramingStats.logOddsZ(5, 10, 5, 10, 10, 20)).isCloseTo(0, within(1e-12));
  }

  @Test
  void jensenShannonDistanceMatchesHandComputedValues() {
    // identical distributions: 0; disjoint: 1
    assertThat(FramingStats.jensenShannonDistance(new double[] {1, 2, 3}, new double[] {2, 4, 6}))
        .isCloseTo(0, within(1e-12));
    assertThat(FramingStats.jensenShannonDistance(new double[] {1, 0}, new double[] {0, 1}))
        .isCloseTo(1, within(1e-12));
    // P=(1/2,1/2,0), Q=(0,1/2,1/2), M=(1/4,1/2,1/4):
    // KL(P||M) = 1/2*log2(2) + 1/2*log2(1) = 0.5, same for Q; JSD = 0.5; distance = sqrt(0.5)
    assertThat(FramingStats.jensenShannonDistance(new double[] {1, 1, 0}, new double[] {0, 1, 1}))
        .isCloseTo(Math.sqrt(0.5), within(1e-12));
  }

  @Test
  void jensenShannonDistanceIsUndefinedForAnEmptySide() {
    assertThat(FramingStats.jensenShannonDistance(new double[] {0, 0}, new double[] {1, 1}))
        .isNaN();
  }
}

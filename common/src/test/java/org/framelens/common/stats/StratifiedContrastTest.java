package org.framelens.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand (shown in the comments). */
class StratifiedContrastTest {
  @Test
  void mantelHaenszelOddsRatioAndItsRobinsBreslowGreenlandIntervalMatchTheHandComputation() {
    // story 1: A 3 of 4 with the frame (a=3, b=1), B 1 of 4 (c=1, d=3), N=8
    //   R1 = a·d/N = 9/8, S1 = b·c/N = 1/8, P1 = (a+d)/N = 6/8, Q1 = (b+c)/N = 2/8
    // story 2: A 1 of 2 (a=1, b=1), B 1 of 3 (c=1, d=2), N=5
    //   R2 = 2/5, S2 = 1/5, P2 = 3/5, Q2 = 2/5
    // R = 9/8 + 2/5 = 61/40 = 1.525, S = 1/8 + 1/5 = 13/40 = 0.325, OR_MH = 61/13 = 4.6923077
    // Σ P·R = 54/64 + 6/25 = 1.08375; Σ (P·S + Q·R) = 6/64 + 18/64 + 3/25 + 4/25 = 0.655;
    // Σ Q·S = 2/64 + 2/25 = 0.11125
    // Var ln OR = 1.08375/(2·1.525²) + 0.655/(2·1.525·0.325) + 0.11125/(2·0.325²)
    //           = 0.2330019 + 0.6607818 + 0.5266272 = 1.4204109; SE = 1.1918099
    // ln OR = 1.5459245; ± 1.959964·1.1918099 = ± 2.3359102
    // low = exp(-0.7899857) = 0.4538538, high = exp(3.8818347) = 48.512868
    StratifiedContrast.Result r =
        StratifiedContrast.of(
            new long[] {4, 2}, new long[] {3, 1}, new long[] {4, 3}, new long[] {1, 1});
    assertThat(r.orMh()).isCloseTo(4.6923077, within(1e-6));
    assertThat(r.orMhCiLow()).isCloseTo(0.4538538, within(1e-6));
    assertThat(r.orMhCiHigh()).isCloseTo(48.512868, within(1e-5));
    assertThat(r.sharedStrata()).isEqualTo(2);
    assertThat(r.sharedA()).isEqualTo(6);
    assertThat(r.sharedB()).isEqualTo(7);
    assertThat(r.sharedWithTraitA()).isEqualTo(4);
    assertThat(r.sharedWithTraitB()).isEqualTo(2);
  }

  @Test
  void aDifferenceOfStoriesCoveredWithTheSameFramingInEachIsAllSelection() {
    // story 1: both outlets frame half their articles (A 4 of 8, B 1 of 2);
    // story 2: neither frames it (A 0 of 2, B 0 of 8).
    // raw: A 4/10 = 0.4, B 1/10 = 0.1, difference 0.3
    // framing = Σ (rA−rB)(cA+cB)/2 = 0 (same rate in every story); selection = 0.3
    // OR_MH: story 1 R = 4·1/10, S = 4·1/10; story 2 R = S = 0 → OR = 1
    StratifiedContrast.Result r =
        StratifiedContrast.of(
            new long[] {8, 2}, new long[] {4, 0}, new long[] {2, 8}, new long[] {1, 0});
    assertThat(r.difference()).isCloseTo(0.3, within(1e-12));
    assertThat(r.framing()).isCloseTo(0.0, within(1e-12));
    assertThat(r.selection()).isCloseTo(0.3, within(1e-12));
    assertThat(r.orMh()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void aDifferenceWithinTheSameMixOfStoriesIsAllFraming() {
    // both outlets put half their articles in each story (cA = cB = 0.5);
    // story 1: A 4 of 5, B 1 of 5; story 2: A 1 of 5, B 0 of 5
    // raw: A 5/10 = 0.5, B 1/10 = 0.1, difference 0.4; selection = Σ (cA−cB)(...) = 0
    // framing = (0.8−0.2)·0.5 + (0.2−0)·0.5 = 0.3 + 0.1 = 0.4
    StratifiedContrast.Result r =
        StratifiedContrast.of(
            new long[] {5, 5}, new long[] {4, 1}, new long[] {5, 5}, new long[] {1, 0});
    assertThat(r.difference()).isCloseTo(0.4, within(1e-12));
    assertThat(r.selection()).isCloseTo(0.0, within(1e-12));
    assertThat(r.framing()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void aStoryOnlyOneOutletCoveredAddsToSelectionOnlyAndNotToTheOddsRatio() {
    // story 1 shared: A 1 of 2, B 1 of 2 (same rate); story 2 only A: 2 of 2
    // raw: A 3/4 = 0.75, B 1/2 = 0.5, difference 0.25
    // story 1: cA = 0.5, cB = 1, rA = rB = 0.5: selection (−0.5)(1)/2·... = −0.5·0.5 = −0.25
    // story 2: cA = 0.5, cB = 0, rB := rA = 1: selection 0.5·1 = 0.5; framing 0
    // selection = 0.25, framing = 0; OR over story 1 only: R = 1·1/4, S = 1·1/4 → 1
    StratifiedContrast.Result r =
        StratifiedContrast.of(
            new long[] {2, 2}, new long[] {1, 2}, new long[] {2, 0}, new long[] {1, 0});
    assertThat(r.selection()).isCloseTo(0.25, within(1e-12));
    assertThat(r.framing()).isCloseTo(0.0, within(1e-12));
    assertThat(r.sharedStrata()).isEqualTo(1);
    assertThat(r.orMh()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void theOddsRatioIsUndefinedWhenNoSharedStoryHasTheFrameOnOneSide() {
    // A never uses the frame in the shared story: Σ a·d/N = 0
    StratifiedContrast.Result r =
        StratifiedContrast.of(new long[] {3}, new long[] {0}, new long[] {3}, new long[] {2});
    assertThat(r.orMh()).isNull();
    assertThat(r.orMhCiLow()).isNull();
    assertThat(r.orMhCiHigh()).isNull();
  }

  @Test
  void theTwoPartsSumToTheRawDifferenceInEveryRandomTable() {
    Random random = new Random(31);
    for (int t = 0; t < 5000; t++) {
      int k = 1 + random.nextInt(12);
      long[] nA = new long[k];
      long[] xA = new long[k];
      long[] nB = new long[k];
      long[] xB = new long[k];
      for (int s = 0; s < k; s++) {
        // some strata covered by one side only
        int shape = random.nextInt(4);
        nA[s] = shape == 1 ? 0 : 1 + random.nextInt(30);
        nB[s] = shape == 2 ? 0 : 1 + random.nextInt(30);
        xA[s] = nA[s] == 0 ? 0 : random.nextInt((int) nA[s] + 1);
        xB[s] = nB[s] == 0 ? 0 : random.nextInt((int) nB[s] + 1);
      }
      nA[0] = Math.max(nA[0], 1);
      nB[k - 1] = Math.max(nB[k - 1], 1);
      StratifiedContrast.Result r = StratifiedContrast.of(nA, xA, nB, xB);
      assertThat(r.selection() + r.framing()).isCloseTo(r.difference(), within(1e-12));
      if (r.orMh() != null) {
        assertThat(r.orMhCiLow()).isLessThanOrEqualTo(r.orMh());
        assertThat(r.orMhCiHigh()).isGreaterThanOrEqualTo(r.orMh());
      }
    }
  }

  @Test
  void impossibleCountsAreRejected() {
    assertThatThrownBy(
            () ->
                StratifiedContrast.of(
                    new long[] {1}, new long[] {2}, new long[] {1}, new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                StratifiedContrast.of(
                    new long[] {0}, new long[] {0}, new long[] {1}, new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

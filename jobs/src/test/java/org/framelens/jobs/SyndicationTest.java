package org.framelens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

/** The plain-Java parts of near-duplicate detection (the Spark part runs in FramingRunJobTest). */
class SyndicationTest {
  @Test
  void jaccardDistanceIsOneMinusSharedOverAllPositions() {
    // {1, 5, 9, 12} and {5, 9, 12, 40, 41}: 3 shared of 6 → distance 0.5
    var a = Vectors.sparse(64, new int[] {1, 5, 9, 12}, new double[] {1, 1, 1, 1});
    var b = Vectors.sparse(64, new int[] {5, 9, 12, 40, 41}, new double[] {1, 1, 1, 1, 1});
    assertThat(Syndication.jaccardDistance(a, b)).isEqualTo(0.5);
    assertThat(Syndication.jaccardDistance(a, a)).isZero();
    var c = Vectors.sparse(64, new int[] {2, 3}, new double[] {1, 1});
    assertThat(Syndication.jaccardDistance(a, c)).isEqualTo(1.0);
  }

  @Test
  void shinglesAreLowerCaseFiveWordWindowsAndShortTextsHaveNone() {
    assertThat(Syndication.shingles("One two, three FOUR five six"))
        .containsExactly("one two three four five", "two three four five six");
    assertThat(Syndication.shingles("too short to shingle")).isEmpty();
    assertThat(Syndication.shingles(null)).isEmpty();
  }
}

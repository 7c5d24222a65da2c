package org.framelens.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextSketchTest {
  @Test
  void shinglesAreLowerCaseFiveWordWindowsAndShortTextsHaveNone() {
    assertThat(TextSketch.shingles("One two, three FOUR five six"))
        .containsExactly("one two three four five", "two three four five six");
    assertThat(TextSketch.shingles("too short to shingle")).isEmpty();
    assertThat(TextSketch.shingles(null)).isEmpty();
  }

  @Test
  void aTextTooShortToShingleHasAnEmptySketch() {
    assertThat(TextSketch.of("four words only here").isEmpty()).isTrue();
    assertThat(TextSketch.of(null).isEmpty()).isTrue();
  }

  @Test
  void bucketsAreSortedDistinctAndTheSignatureHasOneMinimumPerHashFunction() {
    TextSketch s = TextSketch.of("a b c d e a b c d e a b c d e f");
    assertThat(s.buckets()).isSorted().doesNotHaveDuplicates();
    // shingles: "a b c d e", "b c d e a", "c d e a b", "d e a b c", "e a b c d", "b c d e f"
    assertThat(s.buckets()).hasSize(6);
    assertThat(s.signature()).hasSize(TextSketch.SIGNATURE_LENGTH);
    assertThat(java.util.Arrays.stream(s.buckets()))
        .allMatch(b -> b >= 0 && b < TextSketch.BUCKETS);
  }

  @Test
  void theSameTextGivesTheSameSketchWhateverItsCaseAndPunctuation() {
    assertThat(TextSketch.of("The ferry left the harbour at dawn, late again."))
        .isEqualTo(TextSketch.of("the FERRY left the harbour at dawn late again"));
  }

  @Test
  void jaccardIsSharedOverAllBuckets() {
    // {1, 5, 9, 12} and {5, 9, 12, 40, 41}: 3 shared of 6
    assertThat(TextSketch.jaccard(new int[] {1, 5, 9, 12}, new int[] {5, 9, 12, 40, 41}))
        .isEqualTo(0.5);
    assertThat(TextSketch.jaccard(new int[] {1, 2}, new int[] {1, 2})).isEqualTo(1.0);
    assertThat(TextSketch.jaccard(new int[] {1, 2}, new int[] {3})).isZero();
    assertThat(TextSketch.jaccard(new int[0], new int[0])).isZero();
  }
}

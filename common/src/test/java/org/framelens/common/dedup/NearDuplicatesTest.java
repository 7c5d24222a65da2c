package org.framelens.common.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {
  private static final String WIRE =
      "Rescue teams reached the flooded valley on Tuesday morning after the river broke its banks"
          + " overnight, and officials said that more than two hundred families had left their"
          + " homes for schools and sports halls on higher ground while volunteers carried water,"
          + " blankets and medicine from the depot by the old railway bridge to the shelters.";

  private static final String OTHER =
      "The city council approved a new budget for public libraries on Monday evening, adding"
          + " longer opening hours on weekends and a small fund for books in the languages that"
          + " newcomers to the district speak at home, after a debate that lasted four hours.";

  private final Map<String, Long> times = new HashMap<>();
  private final Map<String, TextSketch> sketches = new HashMap<>();

  private void article(String id, Long time, String text) {
    times.put(id, time);
    sketches.put(id, TextSketch.of(text));
  }

  @Test
  void aRepublishedWireStoryPointsAtTheEarliestCopyAndAllCopiesAreSyndicated() {
    article("b-copy", 300L, WIRE);
    article("a-original", 100L, WIRE);
    article("c-edited", 200L, WIRE + " The regional governor will visit on Thursday.");
    article("d-unrelated", 50L, OTHER);
    Map<String, NearDuplicates.Mark> marks = NearDuplicates.marks(times, sketches);
    assertThat(marks).containsOnlyKeys("a-original", "b-copy", "c-edited");
    assertThat(marks.get("a-original")).isEqualTo(new NearDuplicates.Mark(null, true));
    assertThat(marks.get("b-copy")).isEqualTo(new NearDuplicates.Mark("a-original", true));
    assertThat(marks.get("c-edited")).isEqualTo(new NearDuplicates.Mark("a-original", true));
  }

  @Test
  void anUnknownTimeCountsAsEarliestAndTiesGoToTheSmallerId() {
    article("x2", 100L, WIRE);
    article("x1", 100L, WIRE);
    article("x3", null, WIRE);
    Map<String, NearDuplicates.Mark> marks = NearDuplicates.marks(times, sketches);
    assertThat(marks.get("x1").duplicateOf()).isEqualTo("x3");
    assertThat(marks.get("x3").duplicateOf()).isNull();
    times.put("x3", 500L);
    marks = NearDuplicates.marks(times, sketches);
    assertThat(marks.get("x2").duplicateOf()).isEqualTo("x1");
    assertThat(marks.get("x1").duplicateOf()).isNull();
  }

  @Test
  void textsBelowTheSimilarityThresholdOrTooShortAreNotLinked() {
    // the second half of the wire story only: about half its shingles
    String half = WIRE.substring(WIRE.indexOf("officials"));
    article("full", 1L, WIRE);
    article("half", 2L, half);
    article("short-1", 3L, "Flood warning");
    article("short-2", 4L, "Flood warning");
    assertThat(NearDuplicates.marks(times, sketches)).isEmpty();
  }

  @Test
  void candidatesHoldEveryPairAboveTheThresholdAmongManyTexts() {
    // 60 variants of a 300-word text, each with another word changed: every pair shares 286 of
    // 306 shingles (similarity 0.93)
    String[] words = new String[300];
    for (int i = 0; i < words.length; i++) {
      words[i] = "word" + i;
    }
    for (int i = 0; i < 60; i++) {
      String[] w = words.clone();
      w[i * 5] = "variant" + i;
      article("v" + (100 + i), (long) i, String.join(" ", w));
    }
    Map<String, NearDuplicates.Mark> marks = NearDuplicates.marks(times, sketches);
    assertThat(marks).hasSize(60);
    assertThat(marks.values())
        .filteredOn(m -> m.duplicateOf() != null)
        .allMatch(m -> m.duplicateOf().equals("v100"));
  }

  @Test
  void copiesFurtherApartThanTheWindowAreNotLinked() {
    long day = 86_400_000_000L;
    article("monday", 0L, WIRE);
    article("friday", 4 * day, WIRE);
    article("three-weeks-later", 25 * day, WIRE);
    Map<String, NearDuplicates.Mark> marks =
        NearDuplicates.marks(times, sketches, NearDuplicates.Window.days(7));
    assertThat(marks).containsOnlyKeys("monday", "friday");
    assertThat(marks.get("friday").duplicateOf()).isEqualTo("monday");
    // a wider window links the late copy too, to the earliest article it is linked with
    marks = NearDuplicates.marks(times, sketches, NearDuplicates.Window.days(30));
    assertThat(marks.get("three-weeks-later").duplicateOf()).isEqualTo("monday");
  }
}

package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryFramingTest {
  @Test
  void aStoryReportsItsSpanSizeLabelAndEachOutletsFrames() {
    StoryFraming s = new StoryFraming();
    s.addArticle("north", LocalDate.of(2023, 10, 8));
    s.addArticle("north", LocalDate.of(2023, 10, 7));
    s.addArticle("south", LocalDate.of(2023, 10, 9));
    for (String e : List.of("entity:gaza", "entity:hamas", "entity:gaza", "entity:israel")) {
      s.addEntity(e);
    }
    s.addEntity("entity:hamas");
    s.addEntity("entity:egypt");
    s.addHit("north", "terrorism", false);
    s.addHit("north", "terrorism", true);
    s.addHit("south", "resistance", true);
    List<StoryFraming.StoryRow> rows = s.rows();
    // gaza 2, hamas 2, then egypt before israel (1 each, by name)
    assertThat(rows)
        .containsExactly(
            new StoryFraming.StoryRow(
                "gaza, hamas, egypt",
                LocalDate.of(2023, 10, 7),
                LocalDate.of(2023, 10, 9),
                3,
                2,
                "north",
                2,
                "terrorism",
                2,
                1),
            new StoryFraming.StoryRow(
                "gaza, hamas, egypt",
                LocalDate.of(2023, 10, 7),
                LocalDate.of(2023, 10, 9),
                3,
                2,
                "south",
                1,
                "resistance",
                1,
                1));
  }

  @Test
  void aStoryWithoutFrameHitsHasNoRows() {
    StoryFraming s = new StoryFraming();
    s.addArticle("north", LocalDate.of(2023, 10, 8));
    s.addEntity("entity:gaza");
    assertThat(s.rows()).isEmpty();
  }
}

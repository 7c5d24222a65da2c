package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TermChoiceTest {
  @Test
  void termsSumTheirFormsAndShowTheMostFrequentFormAsExample() {
    TermChoice c = new TermChoice();
    c.add("ru", "заложник*", "заложников", 3, 1);
    c.add("ru", "заложник*", "заложники", 5, 0);
    c.add("en", "hostage*", "hostages", 2, 2);
    List<TermChoice.TermRow> rows = c.rows();
    assertThat(rows)
        .containsExactly(
            new TermChoice.TermRow("en", "hostage*", 2, 2, 0.2, "hostages"),
            new TermChoice.TermRow("ru", "заложник*", 8, 1, 0.8, "заложники"));
  }

  @Test
  void equallyFrequentFormsGiveTheFirstInCodePointOrderWhateverTheirArrivalOrder() {
    TermChoice later = new TermChoice();
    later.add("fr", "otage*", "otages", 2, 0);
    later.add("fr", "otage*", "Otages", 2, 0);
    TermChoice earlier = new TermChoice();
    earlier.add("fr", "otage*", "Otages", 2, 0);
    earlier.add("fr", "otage*", "otages", 2, 0);
    assertThat(later.rows().get(0).example()).isEqualTo("Otages");
    assertThat(earlier.rows().get(0).example()).isEqualTo("Otages");
  }
}

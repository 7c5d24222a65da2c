package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextDatesTest {
  private static final LocalDate D = LocalDate.of(2023, 10, 21);

  @Test
  void readsGermanSpanishFrenchAndEnglishWrittenDates() {
    assertThat(TextDates.find("Veröffentlicht am 21. Oktober 2023, 14:09")).isEqualTo(D);
    assertThat(TextDates.find("Samstag, 21. Okt. 2023")).isEqualTo(D);
    assertThat(TextDates.find("21 de octubre de 2023")).isEqualTo(D);
    assertThat(TextDates.find("samedi 21 octobre 2023")).isEqualTo(D);
    assertThat(TextDates.find("October 21, 2023 at 9:00")).isEqualTo(D);
    assertThat(TextDates.find("21st Oct 2023")).isEqualTo(D);
    assertThat(TextDates.find("1er mars 2023")).isEqualTo(LocalDate.of(2023, 3, 1));
  }

  @Test
  void readsRussianAndUkrainianMonthNames() {
    assertThat(TextDates.find("21 октября 2023, 13:43")).isEqualTo(D);
    assertThat(TextDates.find("Опубликовано 21 жовтня 2023 р.")).isEqualTo(D);
    assertThat(TextDates.find("3 мая 2016 г.")).isEqualTo(LocalDate.of(2016, 5, 3));
  }

  @Test
  void readsDayFirstDottedAndIsoNumericDates() {
    assertThat(TextDates.find("Stand: 21.10.2023 - 13:30")).isEqualTo(D);
    assertThat(TextDates.find("21.10.23")).isEqualTo(D);
    assertThat(TextDates.find("updated 2023-10-21")).isEqualTo(D);
  }

  @Test
  void takesTheEarliestDateInTheText() {
    assertThat(TextDates.find("21.10.2023, aktualisiert am 5. November 2023")).isEqualTo(D);
  }

  @Test
  void startingDateReadsOnlyADateAtTheStartAfterAnOptionalWeekday() {
    assertThat(TextDates.startingDate("21.10.2023 um 14:09")).isEqualTo(D);
    assertThat(TextDates.startingDate(" Samstag, 21. Oktober 2023")).isEqualTo(D);
    assertThat(TextDates.startingDate("October 21, 2023 at 9:00 a.m.")).isEqualTo(D);
    assertThat(TextDates.startingDate("by Anna Berger, 21.10.2023")).isNull();
    assertThat(TextDates.startingDate("in the spring")).isNull();
    assertThat(TextDates.startingDate(null)).isNull();
  }

  @Test
  void readsSlashDatesInTheOrderTheCallerGives() {
    assertThat(TextDates.find("Posted 21/10/2023", TextDates.Slashes.DAY_FIRST)).isEqualTo(D);
    assertThat(TextDates.find("Posted 10/21/2023", TextDates.Slashes.MONTH_FIRST)).isEqualTo(D);
    assertThat(TextDates.find("02/10/2020", TextDates.Slashes.DAY_FIRST))
        .isEqualTo(LocalDate.of(2020, 10, 2));
    assertThat(TextDates.find("02/10/2020", TextDates.Slashes.MONTH_FIRST))
        .isEqualTo(LocalDate.of(2020, 2, 10));
    assertThat(TextDates.find("21/10/2023", TextDates.Slashes.MONTH_FIRST)).isNull();
    assertThat(TextDates.find("see 1/2/3/2023 and 2023/10/21", TextDates.Slashes.DAY_FIRST))
        .isNull();
  }

  @Test
  void leavesSlashDatesVersionNumbersAndImpossibleDatesAlone() {
    assertThat(TextDates.find("10/21/2023")).isNull();
    assertThat(TextDates.find("Build 4.1.2.2023 released")).isNull();
    assertThat(TextDates.find("31. Februar 2023")).isNull();
    assertThat(TextDates.find("21 Widgets 2023")).isNull();
    assertThat(TextDates.find(null)).isNull();
  }
}

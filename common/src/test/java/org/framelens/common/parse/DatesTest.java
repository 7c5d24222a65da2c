package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void parsesIsoWithAndWithoutOffsetsAndRfc1123() {
    assertThat(Dates.parse("2023-10-21T09:15:00+02:00"))
        .isEqualTo(Instant.parse("2023-10-21T07:15:00Z"));
    assertThat(Dates.parse("2023-10-21T09:15:00+0200"))
        .isEqualTo(Instant.parse("2023-10-21T07:15:00Z"));
    assertThat(Dates.parse("2023-10-21 09:15:00 +02:00"))
        .isEqualTo(Instant.parse("2023-10-21T07:15:00Z"));
    assertThat(Dates.parse("2023-10-21 09:15")).isEqualTo(Instant.parse("2023-10-21T09:15:00Z"));
    assertThat(Dates.parse("Sat, 21 Oct 2023 07:15:00 GMT"))
        .isEqualTo(Instant.parse("2023-10-21T07:15:00Z"));
  }

  @Test
  void parsesNumericDayFirstSlashedAndCompactDates() {
    assertThat(Dates.parseLocalDate("21.10.2023")).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(Dates.parseLocalDate("2023/10/21")).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(Dates.parseLocalDate("20231021")).isEqualTo(LocalDate.of(2023, 10, 21));
  }

  @Test
  void localDateKeepsTheDayAsWrittenBeforeConversionToUtc() {
    assertThat(Dates.parseLocalDate("2023-10-21T00:30:00+02:00"))
        .isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(Dates.parse("2023-10-21T00:30:00+02:00"))
        .isEqualTo(Instant.parse("2023-10-20T22:30:00Z"));
  }

  @Test
  void returnsNullForTextThatIsNoDate() {
    assertThat(Dates.parse("yesterday")).isNull();
    assertThat(Dates.parse("2023-13-45")).isNull();
    assertThat(Dates.parse("")).isNull();
    assertThat(Dates.parse(null)).isNull();
  }
}

package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void aDayCountsInItsDayItsIsoWeekStartingMondayAndTheRun() {
    Period[] p = Period.of(LocalDate.of(2023, 10, 21)); // a Saturday
    assertThat(p[0]).isEqualTo(new Period("day", LocalDate.of(2023, 10, 21), "2023-10-21"));
    assertThat(p[1]).isEqualTo(new Period("week", LocalDate.of(2023, 10, 16), "2023-W42"));
    assertThat(p[2]).isEqualTo(Period.run());
  }

  @Test
  void weeksAroundNewYearBelongToTheirIsoWeekBasedYear() {
    // 1 January 2021 is a Friday: ISO week 53 of 2020, which began on Monday 28 December
    assertThat(Period.week(LocalDate.of(2021, 1, 1)))
        .isEqualTo(new Period("week", LocalDate.of(2020, 12, 28), "2020-W53"));
    // 31 December 2024 is a Tuesday: ISO week 1 of 2025
    assertThat(Period.week(LocalDate.of(2024, 12, 31)))
        .isEqualTo(new Period("week", LocalDate.of(2024, 12, 30), "2025-W01"));
  }

  @Test
  void aPeriodKeyReadsBackAsThePeriod() {
    for (Period p : Period.of(LocalDate.of(2024, 2, 29))) {
      assertThat(Period.fromKey(p.key())).isEqualTo(p);
    }
  }
}

package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.framelens.common.validate.OutletCoverage.DayCounts;
import org.framelens.common.validate.OutletCoverage.Row;
import org.junit.jupiter.api.Test;

class OutletCoverageTest {
  static LocalDate d(int day) {
    return LocalDate.of(2023, 10, day);
  }

  @Test
  void daysWithoutArticlesBetweenAnOutletsActiveDaysAreFilledInAndFlaggedAsGaps() {
    List<Row> rows =
        OutletCoverage.rows(
            List.of(
                new DayCounts("a", d(10), 3, 0, 1, Set.of("en")),
                new DayCounts("a", d(13), 2, 0, 0, Set.of("en", "fr")),
                // quarantine only, inside the active days: still a gap (no articles)
                new DayCounts("a", d(12), 0, 4, 0, Set.of()),
                // quarantine after the last day with articles: not a gap
                new DayCounts("a", d(15), 0, 1, 0, Set.of()),
                new DayCounts("b", d(11), 1, 0, 0, Set.of("ar")),
                new DayCounts("b", d(11), 1, 1, 1, Set.of("he")),
                new DayCounts(OutletCoverage.UNKNOWN_OUTLET, null, 0, 2, 0, Set.of())));
    assertThat(rows)
        .containsExactly(
            new Row("(unknown)", null, 0, 2, 0, "", false),
            new Row("a", d(10), 3, 0, 1, "en", false),
            new Row("a", d(11), 0, 0, 0, "", true),
            new Row("a", d(12), 0, 4, 0, "", true),
            new Row("a", d(13), 2, 0, 0, "en,fr", false),
            new Row("a", d(15), 0, 1, 0, "", false),
            new Row("b", d(11), 2, 1, 1, "ar,he", false));
  }
}

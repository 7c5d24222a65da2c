package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.ValidationFigure;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableFixtures;
import org.framelens.jobs.validate.ValidationTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's coverage and lexicon validation sections, from their tables. */
class ReportCoverageAndValidationTest {
  @TempDir Path tmp;

  @Test
  void coverageIsSummedPerOutletWithItsGapDaysAndValidationRowsAreShownWithTheirFlags() {
    SparkSession spark = SparkTestSession.get();
    List<CoverageSummary> coverage =
        ReportTables.coverage(
            TableFixtures.table(
                spark,
                Tables.OUTLET_COVERAGE,
                coverageDay("haboker", 20, 3, 0, 1, "he", false),
                coverageDay("haboker", 21, 0, 2, 0, "", true),
                coverageDay("haboker", 22, 0, 0, 0, "", true),
                coverageDay("haboker", 23, 2, 0, 0, "en,he", false),
                coverageDay("al-manara", 20, 4, 0, 0, "ar", false)));
    assertThat(coverage)
        .containsExactly(
            new CoverageSummary("al-manara", 1, 4, 0, 0, List.of(), "ar"),
            new CoverageSummary(
                "haboker",
                2,
                5,
                2,
                1,
                List.of(LocalDate.of(2023, 10, 21), LocalDate.of(2023, 10, 22)),
                "en,he"));

    String dir = tmp.toString();
    ValidationTable.write(
        spark,
        List.of(
            new ValidationFigure(
                "language",
                "he",
                "",
                "",
                10,
                6,
                4,
                0,
                0.6,
                0.31,
                0.83,
                10,
                2,
                0.2,
                0.06,
                0.51,
                2,
                10,
                0.7,
                0.9,
                0.8,
                true),
            new ValidationFigure(
                "frame",
                "he",
                "terrorism",
                "",
                10,
                6,
                4,
                0,
                0.6,
                0.31,
                0.83,
                10,
                2,
                0.2,
                0.06,
                0.51,
                2,
                10,
                0.7,
                0.9,
                0.8,
                true),
            new ValidationFigure(
                "term",
                "he",
                "terrorism",
                "מחבל",
                4,
                1,
                3,
                0,
                0.25,
                0.05,
                0.7,
                0,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                2,
                4,
                0.5,
                Double.NaN,
                0.8,
                true),
            new ValidationFigure(
                "term",
                "he",
                "terrorism",
                "טרור",
                6,
                5,
                1,
                0,
                0.83,
                0.44,
                0.97,
                0,
                0,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                2,
                6,
                1,
                Double.NaN,
                0.8,
                false)),
        "a.csv",
        dir);
    List<ValidationRow> validation =
        ReportTables.validation(spark.read().parquet(dir + "/lexicon_validation"));
    assertThat(validation).hasSize(4);
    assertThat(validation.get(2).missRate()).isNaN();

    ReportData data =
        new ReportData(
            "t",
            "/out",
            SampleReports.data().facts(),
            SampleReports.data().outletFrames(),
            List.of(),
            true,
            java.util.Map.of(),
            coverage,
            validation);
    String html = ReportPage.render(data);
    assertThat(html)
        .contains("<section id=\"coverage\">")
        .contains("<strong class=\"gap-count\">2</strong> gap days")
        .contains("2023-10-21 – 2023-10-22 (2 days)")
        .contains("<section id=\"validation\">")
        .contains("<tr class=\"below\"><td>he</td><td><em>all frames</em></td>")
        .contains("0.60 [0.31, 0.83] ⚑")
        .contains("<span class=\"term\" dir=\"auto\" lang=\"he\">מחבל</span> (he, terrorism)")
        .doesNotContain(">טרור</span> (he");
    assertThat(
            ReportPage.gapRanges(
                List.of(
                    LocalDate.of(2023, 10, 1),
                    LocalDate.of(2023, 10, 3),
                    LocalDate.of(2023, 10, 4),
                    LocalDate.of(2023, 10, 5))))
        .containsExactly("2023-10-01", "2023-10-03 – 2023-10-05 (3 days)");
    // without the tables: coverage says so, validation is left out
    String plain = ReportPage.render(SampleReports.data());
    assertThat(plain).contains("This output has no outlet_coverage table.");
    assertThat(plain).doesNotContain("id=\"validation\"");
  }

  private static Row coverageDay(
      String outlet,
      int d,
      long articles,
      long quarantined,
      long shortTexts,
      String languages,
      boolean gap) {
    return TableFixtures.row(
        Tables.OUTLET_COVERAGE,
        "outlet",
        outlet,
        "day",
        day(d),
        "articles",
        articles,
        "quarantined",
        quarantined,
        "short_texts",
        shortTexts,
        "languages",
        languages,
        "gap",
        gap);
  }

  private static Date day(int d) {
    return Date.valueOf(LocalDate.of(2023, 10, d));
  }
}

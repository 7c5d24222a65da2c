package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregation of small hand-written tables on a local Spark session. */
class ReportTablesTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static String full;
  static String minimal;
  static ReportData fullData;
  static ReportData minimalData;

  @BeforeAll
  static void writeTables() throws Exception {
    spark = org.framelens.jobs.spark.SparkTestSession.get();
    full = tmp.resolve("full").toString();
    minimal = tmp.resolve("minimal").toString();
    // written with DuckDB: quicker than Spark for a few rows, and an independent Parquet writer
    Files.createDirectories(Path.of(full, "quarantine"));
    for (String dir : List.of(full, minimal)) {
      Files.createDirectories(Path.of(dir, "outlet_frames"));
      duckdb(
          "COPY (SELECT * FROM (VALUES ('a1', 'al-manara', 'ar', DATE '2023-10-18'),"
              + " ('a2', 'al-manara', 'ar', DATE '2023-10-19'),"
              + " ('a3', 'haboker', 'he', DATE '2023-10-19'))"
              + " AS t(article_id, outlet, lang, crawl_date))"
              + " TO '%s/articles' (FORMAT parquet, PARTITION_BY (crawl_date))",
          dir);
      duckdb(
          "COPY (SELECT outlet, period, frame, articles::BIGINT AS articles,"
              + " awf::BIGINT AS articles_with_frame, hits::BIGINT AS hits,"
              + " own::BIGINT AS hits_own, quoted::BIGINT AS hits_quoted,"
              + " 'sha256:abc' AS lexicon_version FROM (VALUES"
              + " ('al-manara', DATE '2023-10-17', 'resistance', 1, 1, 4, 3, 1),"
              + " ('al-manara', DATE '2023-10-19', 'resistance', 1, 0, 0, 0, 0),"
              + " ('al-manara', DATE '2023-10-17', 'terrorism', 1, 0, 0, 0, 0),"
              + " ('al-manara', DATE '2023-10-19', 'terrorism', 1, 1, 2, 0, 2),"
              + " ('haboker', DATE '2023-10-19', 'resistance', 1, 0, 0, 0, 0),"
              + " ('haboker', DATE '2023-10-19', 'terrorism', 1, 1, 5, 5, 0))"
              + " AS t(outlet, period, frame, articles, awf, hits, own, quoted))"
              + " TO '%s/outlet_frames/part-0.parquet' (FORMAT parquet)",
          dir);
    }
    duckdb(
        "COPY (SELECT * FROM (VALUES"
            + " ('haboker', 'he', 'terrorism', 'מחבל', 'own', DATE '2023-10-19'),"
            + " ('haboker', 'he', 'terrorism', 'מחבל', 'own', DATE '2023-10-19'),"
            + " ('haboker', 'he', 'terrorism', 'טרור', 'own', DATE '2023-10-19'),"
            + " ('haboker', 'he', 'terrorism', 'מחבל', 'quoted', DATE '2023-10-19'),"
            + " ('haboker', 'he', 'terrorism', 'אירגון טרור', 'own', DATE '2023-10-19'),"
            + " ('al-manara', 'ar', 'resistance', 'مقاومة', 'own', DATE '2023-10-18'),"
            + " ('al-manara', 'ar', 'resistance', 'مقاومة', 'quoted', DATE '2023-10-18'))"
            + " AS t(outlet, lang, frame, term, voice, crawl_date))"
            + " TO '%s/frame_hits' (FORMAT parquet, PARTITION_BY (crawl_date))",
        full);
    duckdb(
        "COPY (SELECT * FROM (VALUES ('f1', 'parse'), ('f2', 'parse'), ('f3', 'read'))"
            + " AS t(source_file, stage)) TO '%s/quarantine/part-0.parquet' (FORMAT parquet)",
        full);
    // loading runs a few Spark jobs: once per folder for all tests
    fullData = ReportTables.load(spark, full, "t");
    minimalData = ReportTables.load(spark, minimal, "t");
  }

  private static void duckdb(String sqlTemplate, String dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(String.format(sqlTemplate, dir.replace("'", "''")));
    }
  }

  @Test
  void runFactsComeFromArticlesAndOutletFrames() {
    RunFacts f = fullData.facts();
    assertThat(f.articles()).isEqualTo(3);
    assertThat(f.languages()).containsExactly("ar", "he");
    assertThat(f.firstCrawlDate()).isEqualTo(LocalDate.of(2023, 10, 18));
    assertThat(f.lastCrawlDate()).isEqualTo(LocalDate.of(2023, 10, 19));
    assertThat(f.firstPeriod()).isEqualTo(LocalDate.of(2023, 10, 17));
    assertThat(f.lastPeriod()).isEqualTo(LocalDate.of(2023, 10, 19));
    assertThat(f.lexiconVersions()).containsExactly("sha256:abc");
  }

  @Test
  void daysCoveredSpanTheDayPeriodsNotOnlyTheRunPeriodsFirstDay() throws Exception {
    String dir = tmp.resolve("periods").toString();
    Files.createDirectories(Path.of(dir, "outlet_frames"));
    duckdb(
        "COPY (SELECT * FROM (VALUES ('a1', 'al-manara', 'ar', DATE '2023-10-18'))"
            + " AS t(article_id, outlet, lang, crawl_date))"
            + " TO '%s/articles' (FORMAT parquet, PARTITION_BY (crawl_date))",
        dir);
    // as the job writes it: the run period is dated by its first day, days and weeks repeat hits
    duckdb(
        "COPY (SELECT outlet, period_type, period, frame, 2::BIGINT AS articles,"
            + " 1::BIGINT AS articles_with_frame, 3::BIGINT AS hits, 3::BIGINT AS hits_own,"
            + " 0::BIGINT AS hits_quoted, 'sha256:abc' AS lexicon_version FROM (VALUES"
            + " ('al-manara', 'run', DATE '2023-10-16', 'resistance'),"
            + " ('al-manara', 'week', DATE '2023-10-16', 'resistance'),"
            + " ('al-manara', 'day', DATE '2023-10-18', 'resistance'),"
            + " ('al-manara', 'day', DATE '2023-10-24', 'resistance'))"
            + " AS t(outlet, period_type, period, frame))"
            + " TO '%s/outlet_frames/part-0.parquet' (FORMAT parquet)",
        dir);
    ReportData d = ReportTables.load(spark, dir, "t");
    assertThat(d.facts().firstPeriod()).isEqualTo(LocalDate.of(2023, 10, 18));
    assertThat(d.facts().lastPeriod()).isEqualTo(LocalDate.of(2023, 10, 24));
    assertThat(d.outletFrames())
        .as("the run row alone, not the days and weeks that repeat its hits")
        .containsExactly(new OutletFrame("al-manara", "resistance", 2, 1, 3, 3, 0));
  }

  @Test
  void outletFramesAreSummedOverTheDaysOfTheRun() {
    ReportData d = fullData;
    assertThat(d.outletFrames())
        .containsExactly(
            new OutletFrame("al-manara", "resistance", 2, 1, 4, 3, 1),
            new OutletFrame("al-manara", "terrorism", 2, 1, 2, 0, 2),
            new OutletFrame("haboker", "resistance", 1, 0, 0, 0, 0),
            new OutletFrame("haboker", "terrorism", 1, 1, 5, 5, 0));
    assertThat(d.outletFrames().get(0).share()).isEqualTo(0.5);
  }

  @Test
  void topTermsAreCountedPerFrameAndOutletMostUsedFirstWithTheirQuotedHits() {
    ReportData d = fullData;
    assertThat(d.frameHitsPresent()).isTrue();
    assertThat(d.topTerms())
        .containsExactly(
            new TermCount("resistance", "al-manara", "ar", "مقاومة", 2, 1),
            new TermCount("terrorism", "haboker", "he", "מחבל", 3, 1),
            new TermCount("terrorism", "haboker", "he", "אירגון טרור", 1, 0),
            new TermCount("terrorism", "haboker", "he", "טרור", 1, 0));
  }

  @Test
  void topTermsStopAtTheLimitPerFrameAndOutlet() {
    List<TermCount> top = ReportTables.topTerms(spark.read().parquet(full + "/frame_hits"), 1);
    assertThat(top).extracting(TermCount::term).containsExactly("مقاومة", "מחבל");
  }

  @Test
  void quarantineIsCountedPerStageLargestFirst() {
    ReportData d = fullData;
    assertThat(d.quarantineByStage())
        .containsExactly(java.util.Map.entry("parse", 2L), java.util.Map.entry("read", 1L));
    assertThat(d.quarantined()).isEqualTo(3);
  }

  @Test
  void absentFrameHitsAndQuarantineTablesAreReportedAsAbsent() {
    ReportData d = minimalData;
    assertThat(d.frameHitsPresent()).isFalse();
    assertThat(d.topTerms()).isEmpty();
    assertThat(d.quarantineByStage()).isNull();
    assertThat(ReportPage.render(d)).contains("This output has no frame_hits table.");
  }

  @Test
  void aFolderWithoutTheTablesIsRefusedNamingTheMissingTable() {
    assertThatThrownBy(() -> ReportTables.load(spark, tmp.resolve("nothing").toString(), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no articles table under");
  }
}

package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.framelens.jobs.spark.TableFixtures.row;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.compare.ComparisonTables;
import org.framelens.jobs.spark.SparkTables;
import org.framelens.jobs.spark.TableFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Aggregation of small tables, built from the declared schemas, on a local Spark session. */
class ReportTablesTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static String full;
  static String minimal;
  static ReportData fullData;
  static ReportData minimalData;

  @BeforeAll
  static void writeTables() {
    spark = org.framelens.jobs.spark.SparkTestSession.get();
    full = tmp.resolve("full").toString();
    minimal = tmp.resolve("minimal").toString();
    for (String dir : List.of(full, minimal)) {
      write(
          dir,
          Tables.ARTICLES,
          row(
              Tables.ARTICLES,
              "article_id",
              "a1",
              "outlet",
              "al-manara",
              "lang",
              "ar",
              "crawl_date",
              day(18)),
          row(
              Tables.ARTICLES,
              "article_id",
              "a2",
              "outlet",
              "al-manara",
              "lang",
              "ar",
              "crawl_date",
              day(19)),
          row(
              Tables.ARTICLES,
              "article_id",
              "a3",
              "outlet",
              "haboker",
              "lang",
              "he",
              "crawl_date",
              day(19)));
      // as the job writes it: day rows, and one run row per outlet and frame with their sums
      write(
          dir,
          Tables.OUTLET_FRAMES,
          outletFrame("al-manara", "day", day(17), "resistance", 1, 1, 4, 3, 1),
          outletFrame("al-manara", "day", day(19), "resistance", 1, 0, 0, 0, 0),
          outletFrame("al-manara", "day", day(17), "terrorism", 1, 0, 0, 0, 0),
          outletFrame("al-manara", "day", day(19), "terrorism", 1, 1, 2, 0, 2),
          outletFrame("haboker", "day", day(19), "resistance", 1, 0, 0, 0, 0),
          outletFrame("haboker", "day", day(19), "terrorism", 1, 1, 5, 5, 0),
          outletFrame("al-manara", "run", day(17), "resistance", 2, 1, 4, 3, 1),
          outletFrame("al-manara", "run", day(17), "terrorism", 2, 1, 2, 0, 2),
          outletFrame("haboker", "run", day(17), "resistance", 1, 0, 0, 0, 0),
          outletFrame("haboker", "run", day(17), "terrorism", 1, 1, 5, 5, 0));
    }
    write(
        full,
        Tables.FRAME_TERMS,
        term("haboker", "he", "terrorism", "מחבל", 3, 1),
        term("haboker", "he", "terrorism", "טרור", 1, 0),
        term("haboker", "he", "terrorism", "אירגון טרור", 1, 0),
        term("al-manara", "ar", "resistance", "مقاومة", 2, 1));
    write(
        full,
        Tables.QUARANTINE,
        row(Tables.QUARANTINE, "source_file", "f1", "stage", "parse"),
        row(Tables.QUARANTINE, "source_file", "f2", "stage", "parse"),
        row(Tables.QUARANTINE, "source_file", "f3", "stage", "read"));
    // loading runs a few Spark jobs: once per folder for all tests
    fullData = ReportTables.load(spark, full, "t");
    minimalData = ReportTables.load(spark, minimal, "t");
  }

  private static void write(String dir, TableSchema t, Row... rows) {
    SparkTables.write(TableFixtures.table(spark, t, rows).coalesce(1), dir, t);
  }

  private static Row outletFrame(
      String outlet,
      String periodType,
      Date period,
      String frame,
      long articles,
      long withFrame,
      long hits,
      long own,
      long quoted) {
    return row(
        Tables.OUTLET_FRAMES,
        "outlet",
        outlet,
        "period_type",
        periodType,
        "period",
        period,
        "period_label",
        periodType.equals("run") ? "run" : period.toString(),
        "frame",
        frame,
        "articles",
        articles,
        "articles_with_frame",
        withFrame,
        "hits",
        hits,
        "hits_own",
        own,
        "hits_quoted",
        quoted,
        "lexicon_version",
        "sha256:abc");
  }

  private static Row term(
      String outlet, String lang, String frame, String term, long hits, long quoted) {
    return row(
        Tables.FRAME_TERMS,
        "outlet",
        outlet,
        "frame",
        frame,
        "lang",
        lang,
        "term",
        term,
        "hits",
        hits,
        "hits_quoted",
        quoted,
        "example",
        term,
        "lexicon_version",
        "sha256:abc");
  }

  private static Date day(int d) {
    return Date.valueOf(LocalDate.of(2023, 10, d));
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
  void daysCoveredSpanTheDayPeriodsNotOnlyTheRunPeriodsFirstDay() {
    String dir = tmp.resolve("periods").toString();
    write(
        dir,
        Tables.ARTICLES,
        row(
            Tables.ARTICLES,
            "article_id",
            "a1",
            "outlet",
            "al-manara",
            "lang",
            "ar",
            "crawl_date",
            day(18)));
    // as the job writes it: the run period is dated by its first day, days and weeks repeat hits
    write(
        dir,
        Tables.OUTLET_FRAMES,
        outletFrame("al-manara", "run", day(16), "resistance", 2, 1, 3, 3, 0),
        outletFrame("al-manara", "week", day(16), "resistance", 2, 1, 3, 3, 0),
        outletFrame("al-manara", "day", day(18), "resistance", 2, 1, 3, 3, 0),
        outletFrame("al-manara", "day", day(24), "resistance", 2, 1, 3, 3, 0));
    ReportData d = ReportTables.load(spark, dir, "t");
    assertThat(d.facts().firstPeriod()).isEqualTo(LocalDate.of(2023, 10, 18));
    assertThat(d.facts().lastPeriod()).isEqualTo(LocalDate.of(2023, 10, 24));
    assertThat(d.outletFrames())
        .as("the run row alone, not the days and weeks that repeat its hits")
        .containsExactly(new OutletFrame("al-manara", "resistance", 2, 1, 3, 3, 0));
  }

  @Test
  void outletFramesAreTheRunPeriodsRows() {
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
    assertThat(d.frameTermsPresent()).isTrue();
    assertThat(d.topTerms())
        .containsExactly(
            new TermCount("resistance", "al-manara", "ar", "مقاومة", 2, 1),
            new TermCount("terrorism", "haboker", "he", "מחבל", 3, 1),
            new TermCount("terrorism", "haboker", "he", "אירגון טרור", 1, 0),
            new TermCount("terrorism", "haboker", "he", "טרור", 1, 0));
  }

  @Test
  void topTermsCountEachOriginalArticleOnceAsFrameTermsDoes() {
    String dir = tmp.resolve("copies").toString();
    // a1 is crawled on the 18th and fetched again unchanged on the 19th (one id, a row and hits
    // per fetch); c1 is a near-duplicate copy of it
    write(
        dir,
        Tables.ARTICLES,
        article("a1", "https://haboker.example/a1", 18, null),
        article("a1", "https://haboker.example/a1", 19, null),
        article("c1", "https://haboker.example/c1", 19, "a1"));
    write(
        dir,
        Tables.FRAME_HITS,
        articleHit("a1", "מחבל", "own", 18),
        articleHit("a1", "מחבל", "own", 18),
        articleHit("a1", "מחבל", "quoted", 18),
        articleHit("a1", "מחבל", "own", 19),
        articleHit("a1", "מחבל", "own", 19),
        articleHit("a1", "מחבל", "quoted", 19),
        articleHit("c1", "מחבל", "own", 19),
        articleHit("c1", "טרור", "own", 19));
    ComparisonTables.write(spark, dir, List.of("terrorism"), "sha256:abc", false);
    List<TermCount> frameTerms = new ArrayList<>();
    for (Row r : spark.read().parquet(dir + "/frame_terms").collectAsList()) {
      frameTerms.add(
          new TermCount(
              r.getAs("frame"),
              r.getAs("outlet"),
              r.getAs("lang"),
              r.getAs("term"),
              r.<Long>getAs("hits"),
              r.<Long>getAs("hits_quoted")));
    }
    assertThat(frameTerms)
        .as("frame_terms: the original's first fetch only")
        .containsExactly(new TermCount("terrorism", "haboker", "he", "מחבל", 3, 1));

    ReportData d = ReportTables.load(spark, dir, "t");
    assertThat(d.topTerms()).containsExactlyElementsOf(frameTerms);
  }

  private static Row article(String id, String url, int crawlDay, String duplicateOf) {
    return row(
        Tables.ARTICLES,
        "article_id",
        id,
        "url",
        url,
        "outlet",
        "haboker",
        "lang",
        "he",
        "token_count",
        100,
        "duplicate_of",
        duplicateOf,
        "syndicated",
        true,
        "crawl_date",
        day(crawlDay));
  }

  private static Row articleHit(String articleId, String term, String voice, int crawlDay) {
    return row(
        Tables.FRAME_HITS,
        "article_id",
        articleId,
        "outlet",
        "haboker",
        "lang",
        "he",
        "frame",
        "terrorism",
        "term",
        term,
        "matched_text",
        term,
        "voice",
        voice,
        "crawl_date",
        day(crawlDay));
  }

  @Test
  void topTermsStopAtTheLimitPerFrameAndOutlet() {
    List<TermCount> top = ReportTables.topTerms(spark.read().parquet(full + "/frame_terms"), 1);
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
  void absentFrameTermsAndQuarantineTablesAreReportedAsAbsent() {
    ReportData d = minimalData;
    assertThat(d.frameTermsPresent()).isFalse();
    assertThat(d.topTerms()).isEmpty();
    assertThat(d.quarantineByStage()).isNull();
    assertThat(ReportPage.render(d)).contains("This output has no frame_terms table.");
  }

  @Test
  void aFolderWithoutTheTablesIsRefusedNamingTheMissingTable() {
    assertThatThrownBy(() -> ReportTables.load(spark, tmp.resolve("nothing").toString(), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no articles table under");
  }
}

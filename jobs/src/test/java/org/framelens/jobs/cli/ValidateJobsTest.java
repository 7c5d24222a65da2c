package org.framelens.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.SheetItem;
import org.framelens.common.validate.ValidationFigure;
import org.framelens.jobs.compare.CoverageTable;
import org.framelens.jobs.spark.SparkTables;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableFixtures;
import org.framelens.jobs.validate.ValidationSample;
import org.framelens.jobs.validate.ValidationTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark side of validation over small tables built from the declared schemas. */
class ValidateJobsTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static String out;

  static final String TITLE = "Hostages freed";
  static final String EN_TEXT =
      "They talked of a truce today.\nThe weather in the valley was mild and the markets were open"
          + " all day long.";
  static final String COPY_TEXT =
      "They talked of a truce today.\nA copy of a wire story that is long enough to be a"
          + " paragraph.";
  static final String AR_TEXT =
      "استمرت مفاوضات الهدنة.\nاجتمع المجلس البلدي يوم الثلاثاء لمناقشة خطوط الحافلات.";

  @BeforeAll
  static void writeTables() {
    spark = SparkTestSession.get();
    out = tmp.resolve("out").toString();
    // 20 en and 10 ar originals on two outlets; e1 is fetched on both days (rows per day, its
    // hits per day); c1 is a near-duplicate copy of e2. Each text: a paragraph with a truce hit,
    // then a quiet paragraph.
    List<Row> articles = new ArrayList<>();
    List<Row> hits = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      String id = "e" + i;
      String outlet = "o" + (i % 2);
      articles.add(
          article(
              id,
              "https://" + outlet + ".example/" + id,
              outlet,
              "en",
              TITLE,
              EN_TEXT,
              900,
              null,
              20));
      hits.add(hit(id, outlet, "en", "diplomacy", "truce", "truce", "body", 17, 22, 20));
      hits.add(hit(id, outlet, "en", "hostages", "hostage", "Hostages", "title", 0, 8, 20));
      hits.add(hit(id, outlet, "en", "entity:gaza", "Gaza", "Gaza", "body", 0, 4, 20));
    }
    articles.add(article("e1", "https://o1.example/e1", "o1", "en", TITLE, EN_TEXT, 900, null, 21));
    hits.add(hit("e1", "o1", "en", "diplomacy", "truce", "truce", "body", 17, 22, 21));
    articles.add(
        article("c1", "https://o0.example/c1", "o0", "en", TITLE, COPY_TEXT, 900, "e2", 20));
    hits.add(hit("c1", "o0", "en", "diplomacy", "truce", "truce", "body", 17, 22, 20));
    for (int i = 1; i <= 10; i++) {
      String id = "a" + i;
      articles.add(
          article(id, "https://o2.example/" + id, "o2", "ar", null, AR_TEXT, 600, null, 20));
      hits.add(hit(id, "o2", "ar", "diplomacy", "هدنة", "الهدنة", "body", 15, 21, 20));
    }
    SparkTables.write(TableFixtures.table(spark, Tables.ARTICLES, articles), out, Tables.ARTICLES);
    SparkTables.write(TableFixtures.table(spark, Tables.FRAME_HITS, hits), out, Tables.FRAME_HITS);
  }

  private static Row article(
      String id,
      String url,
      String outlet,
      String lang,
      String title,
      String text,
      int textChars,
      String duplicateOf,
      int crawlDay) {
    return TableFixtures.row(
        Tables.ARTICLES,
        "article_id",
        id,
        "url",
        url,
        "outlet",
        outlet,
        "lang",
        lang,
        "title",
        title,
        "text",
        text,
        "text_chars",
        textChars,
        "duplicate_of",
        duplicateOf,
        "crawl_date",
        day(crawlDay));
  }

  private static Row hit(
      String articleId,
      String outlet,
      String lang,
      String frame,
      String term,
      String matchedText,
      String section,
      int start,
      int end,
      int crawlDay) {
    return TableFixtures.row(
        Tables.FRAME_HITS,
        "article_id",
        articleId,
        "outlet",
        outlet,
        "lang",
        lang,
        "frame",
        frame,
        "term",
        term,
        "matched_text",
        matchedText,
        "section",
        section,
        "start",
        start,
        "end",
        end,
        "voice",
        "own",
        "crawl_date",
        day(crawlDay));
  }

  private static java.sql.Date day(int d) {
    return java.sql.Date.valueOf(java.time.LocalDate.of(2023, 10, d));
  }

  static Map<String, Long> cells(List<SheetItem> items) {
    return items.stream()
        .collect(
            Collectors.groupingBy(
                i -> i.kind() + "|" + i.lang() + "|" + i.frame(),
                TreeMap::new,
                Collectors.counting()));
  }

  @Test
  void theSampleHasPerCellItemsPerStratumFromOriginalsOnceAndIsReproducible() {
    List<SheetItem> items = ValidationSample.draw(spark, out, 5, 3, Set.of(), Set.of(), false);
    assertThat(cells(items))
        .containsExactly(
            Map.entry("hit|ar|diplomacy", 3L),
            Map.entry("hit|en|diplomacy", 3L),
            Map.entry("hit|en|hostages", 3L),
            Map.entry("paragraph|ar|", 3L),
            Map.entry("paragraph|en|", 3L));
    // sorted for coding: by language, hits before paragraphs
    assertThat(items.get(0).lang()).isEqualTo("ar");
    assertThat(items.get(0).isHit()).isTrue();
    for (SheetItem i : items) {
      assertThat(i.articleId()).isNotEqualTo("c1");
      if (i.isHit()) {
        assertThat(i.context()).contains("[[" + i.matchedText() + "]]");
      }
    }
    assertThat(ValidationSample.draw(spark, out, 5, 3, Set.of(), Set.of(), false)).isEqualTo(items);
    assertThat(ValidationSample.draw(spark, out, 6, 3, Set.of(), Set.of(), false))
        .isNotEqualTo(items);
    // a cell larger than the data: every original hit once (e1's two fetches give one item)
    List<SheetItem> all =
        ValidationSample.draw(spark, out, 5, 100, Set.of("diplomacy"), Set.of("en"), true);
    assertThat(cells(all))
        .containsEntry("hit|en|diplomacy", 20L)
        .containsEntry("paragraph|en|", 20L)
        .doesNotContainKey("hit|en|hostages")
        .doesNotContainKey("hit|ar|diplomacy");
    assertThat(all.stream().map(SheetItem::itemId).distinct().count()).isEqualTo(all.size());
  }

  @Test
  void coverageCountsArticlesAndQuarantinePerOutletAndDayAndFlagsGaps() {
    Dataset<Row> articles =
        spark.read().schema(SparkTables.structType(Tables.ARTICLES)).parquet(out + "/articles");
    // o1 also on 2023-10-23 (with empty text): 2023-10-22 becomes a gap; a quarantined record of
    // o0 (its URL's host is under o0's registered domain) and one without URL
    Dataset<Row> more =
        articles
            .filter("article_id = 'e1' AND crawl_date = DATE '2023-10-21'")
            .withColumn(
                "crawl_date",
                org.apache.spark.sql.functions.lit(java.sql.Date.valueOf("2023-10-23")))
            .withColumn("text_chars", org.apache.spark.sql.functions.lit(0));
    Dataset<Row> quarantine =
        TableFixtures.table(
            spark,
            Tables.QUARANTINE,
            TableFixtures.row(
                Tables.QUARANTINE,
                "source_file",
                "f.warc",
                "source_offset",
                0L,
                "url",
                "https://www.o0.example/x",
                "stage",
                "parse",
                "error_class",
                "E",
                "message",
                "m",
                "crawl_date",
                java.sql.Date.valueOf("2023-10-20")),
            TableFixtures.row(
                Tables.QUARANTINE,
                "source_file",
                "g.warc",
                "source_offset",
                null,
                "url",
                null,
                "stage",
                "read",
                "error_class",
                "E",
                "message",
                "m",
                "crawl_date",
                null));
    List<Row> rows =
        CoverageTable.compute(
                spark,
                articles.unionByName(more),
                quarantine,
                "domain,outlet,name,country,language,type\no0.example,o0,O Zero,,en,\n")
            .orderBy("outlet", "day")
            .collectAsList();
    List<String> got = rows.stream().map(Row::toString).toList();
    // e1..e20 on 2023-10-20; o0 = even i (10 originals + the copy c1), o1 odd (10)
    assertThat(got)
        .containsExactly(
            "[(unknown),null,0,1,0,,false]",
            "[o0,2023-10-20,11,1,0,en,false]",
            "[o1,2023-10-20,10,0,0,en,false]",
            "[o1,2023-10-21,1,0,0,en,false]",
            "[o1,2023-10-22,0,0,0,,true]",
            "[o1,2023-10-23,1,0,1,en,false]",
            "[o2,2023-10-20,10,0,0,ar,false]");
  }

  @Test
  void scoredFiguresAreWrittenAsTheLexiconValidationTable() {
    ValidationFigure f =
        new ValidationFigure(
            "frame",
            "en",
            "diplomacy",
            "",
            5,
            3,
            2,
            0,
            0.6,
            0.23,
            0.88,
            4,
            1,
            0.25,
            0.05,
            0.7,
            2,
            5,
            0.64,
            Double.NaN,
            0.8,
            true);
    String target = ValidationTable.write(spark, List.of(f), "a.csv,b.csv", out);
    Dataset<Row> t = spark.read().parquet(target);
    assertThat(t.columns()).containsExactlyElementsOf(Tables.LEXICON_VALIDATION.columnNames());
    Row r = t.first();
    assertThat(r.isNullAt(r.fieldIndex("term"))).isTrue();
    assertThat(r.isNullAt(r.fieldIndex("paragraph_alpha"))).isTrue();
    assertThat(r.getDouble(r.fieldIndex("precision"))).isEqualTo(0.6);
    assertThat(r.getBoolean(r.fieldIndex("below_threshold"))).isTrue();
    assertThat(r.getString(r.fieldIndex("sheets"))).isEqualTo("a.csv,b.csv");
  }
}

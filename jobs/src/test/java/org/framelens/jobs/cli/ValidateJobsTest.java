package org.framelens.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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
import org.framelens.jobs.validate.ValidationSample;
import org.framelens.jobs.validate.ValidationTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark side of validation over small hand-written tables (written with DuckDB). */
class ValidateJobsTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static String out;

  @BeforeAll
  static void writeTables() throws Exception {
    spark = SparkTestSession.get();
    out = tmp.resolve("out").toString();
    Files.createDirectories(Path.of(out));
    // 20 en and 10 ar originals on two outlets; e1 is fetched on both days (rows per day, its
    // hits per day); c1 is a near-duplicate copy of e2. Each text: a paragraph with a truce hit,
    // then a quiet paragraph.
    duckdb(
        "COPY (SELECT 'e' || i AS article_id, 'https://o' || (i % 2) || '.example/e' || i AS url,"
            + " 'o' || (i % 2) AS outlet, 'en' AS lang, 'Hostages freed' AS title,"
            + " 'They talked of a truce today.' || chr(10) || 'The weather in the valley was mild"
            + " and the markets were open all day long.' AS text, 900 AS text_chars,"
            + " NULL::VARCHAR AS duplicate_of, DATE '2023-10-20' AS crawl_date FROM range(1, 21)"
            + " t(i) UNION ALL SELECT 'e1', 'https://o1.example/e1', 'o1', 'en', 'Hostages freed',"
            + " 'They talked of a truce today.' || chr(10) || 'The weather in the valley was mild"
            + " and the markets were open all day long.', 900, NULL, DATE '2023-10-21'"
            + " UNION ALL SELECT 'c1', 'https://o0.example/c1', 'o0', 'en', 'Hostages freed',"
            + " 'They talked of a truce today.' || chr(10) || 'A copy of a wire story that is long"
            + " enough to be a paragraph.', 900, 'e2', DATE '2023-10-20'"
            + " UNION ALL SELECT 'a' || i, 'https://o2.example/a' || i, 'o2', 'ar', NULL,"
            + " 'استمرت مفاوضات الهدنة.' || chr(10) || 'اجتمع المجلس البلدي يوم الثلاثاء لمناقشة"
            + " خطوط الحافلات.', 600, NULL, DATE '2023-10-20' FROM range(1, 11) t(i))"
            + " TO '%s/articles' (FORMAT parquet, PARTITION_BY (crawl_date))");
    duckdb(
        "COPY (SELECT article_id, outlet, lang, 'diplomacy' AS frame, term, matched_text,"
            + " 'body' AS section, s::INTEGER AS start, e::INTEGER AS \"end\", 'own' AS voice,"
            + " crawl_date FROM (SELECT 'e' || i AS article_id, 'o' || (i % 2) AS outlet, 'en' AS"
            + " lang, 'truce' AS term, 'truce' AS matched_text, 17 AS s, 22 AS e,"
            + " DATE '2023-10-20' AS crawl_date FROM range(1, 21) t(i)"
            + " UNION ALL SELECT 'e1', 'o1', 'en', 'truce', 'truce', 17, 22, DATE '2023-10-21'"
            + " UNION ALL SELECT 'c1', 'o0', 'en', 'truce', 'truce', 17, 22, DATE '2023-10-20'"
            + " UNION ALL SELECT 'a' || i, 'o2', 'ar', 'هدنة', 'الهدنة', 15, 21, DATE '2023-10-20'"
            + " FROM range(1, 11) t(i))"
            + " UNION ALL SELECT 'e' || i, 'o' || (i % 2), 'en', 'hostages', 'hostage', 'Hostages',"
            + " 'title', 0, 8, 'own', DATE '2023-10-20' FROM range(1, 21) t(i)"
            + " UNION ALL SELECT 'e' || i, 'o' || (i % 2), 'en', 'entity:gaza', 'Gaza', 'Gaza',"
            + " 'body', 0, 4, 'own', DATE '2023-10-20' FROM range(1, 21) t(i))"
            + " TO '%s/frame_hits' (FORMAT parquet, PARTITION_BY (crawl_date))");
  }

  private static void duckdb(String sqlTemplate) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(sqlTemplate.replace("%s", out.replace("'", "''")));
    }
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
        spark.createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create(
                    "f.warc",
                    0L,
                    "https://www.o0.example/x",
                    "parse",
                    "E",
                    "m",
                    java.sql.Date.valueOf("2023-10-20")),
                org.apache.spark.sql.RowFactory.create(
                    "g.warc", null, null, "read", "E", "m", null)),
            SparkTables.structType(Tables.QUARANTINE));
    List<Row> rows =
        CoverageTable.compute(
                spark,
                articles.unionByName(more),
                quarantine,
                "domain,outlet,name,country,language,type\no0.example,o0,O Zero,,en,\n")
            .orderBy("outlet", "day")
            .collectAsList();
    List<String> got = rows.stream().map(Row::toString).toList();
    // DuckDB's ids: e1..e20 on 2023-10-20; o0 = even i (10 originals + the copy c1), o1 odd (10)
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

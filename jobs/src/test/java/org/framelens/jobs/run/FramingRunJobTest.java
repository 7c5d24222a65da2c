package org.framelens.jobs.run;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.articles.Syndication;
import org.framelens.jobs.compare.Comparisons;
import org.framelens.jobs.ingest.InputFile;
import org.framelens.jobs.ingest.InputListing;
import org.framelens.jobs.ingest.InputSplitting;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.retag.RetagJob;
import org.framelens.jobs.spark.SparkTables;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} over the bundled sample crawl, end to end on a local Spark session. */
class FramingRunJobTest {
  static final Path SAMPLES = TestData.SAMPLES;

  @TempDir static Path tmp;
  static SparkSession spark;
  static RunSummary summary;
  static String out;

  @BeforeAll
  static void runOverTheSamples() throws IOException {
    spark = SparkTestSession.get();
    out = tmp.resolve("out").toString();
    RunConfig config =
        new RunConfig(
            List.of(SAMPLES.resolve("crawl").toString(), SAMPLES.resolve("documents").toString()),
            out,
            ProcessingSettings.defaults().withOutlets(SAMPLES.resolve("outlets.csv").toString()),
            false);
    summary = FramingRunJob.run(spark, config);
  }

  private static Dataset<Row> table(String name) {
    return spark.read().parquet(out + "/" + name);
  }

  private static Map<String, Long> countBy(Dataset<Row> ds, String column) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : ds.groupBy(column).count().collectAsList()) {
      m.put(r.getAs(column), r.<Long>getAs("count"));
    }
    return m;
  }

  @Test
  void everyArticleOfTheSampleCrawlAndFolderIsWrittenOnceAndNothingIsQuarantined() {
    // 32 documents in the WARC (30 pages, a PDF, a DOCX) and 3 + 5 (it pt pl tr id) + 4 (fa zh ja
    // ko) in the document folder
    assertThat(table("articles").count()).isEqualTo(32 + 3 + 5 + 4);
    assertThat(summary.articlesWritten()).isEqualTo(32 + 3 + 5 + 4);
    assertThat(summary.quarantined()).isZero();
    assertThat(table("quarantine").count()).isZero();
    assertThat(summary.skippedByReason())
        .containsEntry("warc_request", 36L)
        .containsEntry("http_status_4xx", 1L)
        .containsEntry("http_status_3xx", 1L)
        .containsEntry("not_a_document", 3L)
        .containsEntry("warc_revisit", 1L);
    assertThat(summary.recordsRead()).isEqualTo(summary.articlesWritten() + summary.skipped());
  }

  @Test
  void articlesAreAttributedToTheRegisteredOutletsInTheirLanguages() {
    Map<String, Long> perOutlet = countBy(table("articles"), "outlet");
    assertThat(perOutlet)
        .containsEntry("northbridge-chronicle", 4L)
        .containsEntry("eastcoast-courier", 1L)
        .containsEntry("globalwire", 3L)
        .containsEntry("rheinufer-zeitung", 4L)
        .containsEntry("courrier-du-matin", 4L)
        .containsEntry("faro-del-sur", 4L)
        .containsEntry("vestnik-mira", 3L)
        .containsEntry("dnipro-kurier", 3L)
        .containsEntry("al-manara", 3L)
        .containsEntry("haboker", 4L)
        .containsEntry("reliefwatch", 1L)
        .containsEntry("harbour-review", 1L)
        .containsEntry("gazzetta-tirreno", 1L)
        .containsEntry("jornal-planalto", 1L)
        .containsEntry("kurier-nadwislanski", 1L)
        .containsEntry("bogazici-postasi", 1L)
        .containsEntry("warta-nusantara", 1L)
        .containsEntry("nasim-khabar", 1L)
        .containsEntry("dongan-news", 1L)
        .containsEntry("asanagi-shimbun", 1L)
        .containsEntry("hanbit-ilbo", 1L);
    Map<String, String> expectedLang =
        Map.ofEntries(
            Map.entry("vestnik-mira", "ru"),
            Map.entry("dnipro-kurier", "uk"),
            Map.entry("al-manara", "ar"),
            Map.entry("haboker", "he"),
            Map.entry("rheinufer-zeitung", "de"),
            Map.entry("courrier-du-matin", "fr"),
            Map.entry("faro-del-sur", "es"),
            Map.entry("northbridge-chronicle", "en"),
            Map.entry("globalwire", "en"),
            Map.entry("gazzetta-tirreno", "it"),
            Map.entry("jornal-planalto", "pt"),
            Map.entry("kurier-nadwislanski", "pl"),
            Map.entry("bogazici-postasi", "tr"),
            Map.entry("warta-nusantara", "id"));
    // the folder's news pages in languages without bundled rules before issue 27
    Map<String, String> folderLang =
        Map.of(
            "nasim-khabar",
            "fa",
            "dongan-news",
            "zh",
            "asanagi-shimbun",
            "ja",
            "hanbit-ilbo",
            "ko");
    for (Row r :
        table("articles").select("outlet", "url", "lang", "lang_confidence").collectAsList()) {
      String outlet = r.getAs("outlet");
      String want = expectedLang.getOrDefault(outlet, folderLang.get(outlet));
      // haboker's English edition republishes wire copy in English
      if (want != null && !r.<String>getAs("url").contains("/en/")) {
        assertThat(r.<String>getAs("lang"))
            .as("language of an article of %s", outlet)
            .isEqualTo(want);
        assertThat(r.<Double>getAs("lang_confidence")).isGreaterThan(0.5);
      }
    }
  }

  @Test
  void publicationDatesComeFromThePagesAndAreNullWhenAPageHasNone() {
    List<Row> rows =
        table("articles")
            .select("url", "published_at", "crawl_time", "content_type")
            .collectAsList();
    long withoutDate = rows.stream().filter(r -> r.isNullAt(r.fieldIndex("published_at"))).count();
    assertThat(withoutDate).isEqualTo(1); // the Faro del Sur opinion column has no date anywhere
    for (Row r : rows) {
      if (!r.isNullAt(r.fieldIndex("published_at"))) {
        assertThat(r.<Object>getAs("published_at")).isNotEqualTo(r.getAs("crawl_time"));
      }
    }
    assertThat(rows.stream().map(r -> r.<String>getAs("content_type")))
        .contains(
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  @Test
  void eachOutletsFramingShowsInItsHits() {
    Dataset<Row> hits = table("frame_hits");
    Map<String, Map<String, Long>> byOutletFrame = new HashMap<>();
    for (Row r : hits.groupBy("outlet", "frame").count().collectAsList()) {
      byOutletFrame
          .computeIfAbsent(r.getAs("outlet"), k -> new HashMap<>())
          .put(r.getAs("frame"), r.<Long>getAs("count"));
    }
    for (String outlet :
        List.of(
            "northbridge-chronicle",
            "globalwire",
            "rheinufer-zeitung",
            "courrier-du-matin",
            "faro-del-sur",
            "vestnik-mira",
            "dnipro-kurier",
            "al-manara",
            "haboker",
            "gazzetta-tirreno",
            "jornal-planalto",
            "kurier-nadwislanski",
            "bogazici-postasi",
            "warta-nusantara",
            "nasim-khabar",
            "dongan-news",
            "asanagi-shimbun",
            "hanbit-ilbo")) {
      assertThat(byOutletFrame.get(outlet)).as("hits of %s", outlet).isNotEmpty();
    }
    // the pro-resistance outlet speaks of resistance, the pro-Israel and Ukrainian ones of
    // terrorism
    assertThat(byOutletFrame.get("al-manara").getOrDefault("resistance", 0L))
        .isGreaterThanOrEqualTo(5);
    assertThat(byOutletFrame.get("al-manara").getOrDefault("terrorism", 0L)).isLessThan(3);
    assertThat(byOutletFrame.get("northbridge-chronicle").getOrDefault("terrorism", 0L))
        .isGreaterThanOrEqualTo(8);
    assertThat(byOutletFrame.get("dnipro-kurier").getOrDefault("terrorism", 0L))
        .isGreaterThanOrEqualTo(8);
    assertThat(byOutletFrame.get("haboker").getOrDefault("hostages", 0L)).isGreaterThanOrEqualTo(8);
    assertThat(byOutletFrame.get("al-manara").getOrDefault("captives_prisoners", 0L))
        .isGreaterThanOrEqualTo(5);
    // hits are in the language of their article, in the title or body, with both voices present
    assertThat(hits.filter(col("section").isin("title", "body")).count()).isEqualTo(hits.count());
    assertThat(countBy(hits, "voice")).containsKeys("own", "quoted");
    assertThat(hits.filter(col("snippet").contains(col("matched_text"))).count())
        .isEqualTo(hits.count());
  }

  @Test
  void aWireStoryRepublishedVerbatimByTwoOutletsPointsAtTheEarliestCopyAndCountsOnce() {
    List<Row> copies =
        table("articles")
            .filter(col("title").startsWith("Qatar steps up mediation"))
            .select("article_id", "outlet", "duplicate_of", "syndicated", "published_at")
            .orderBy("published_at")
            .collectAsList();
    assertThat(copies)
        .extracting(r -> r.<String>getAs("outlet"))
        .containsExactly("globalwire", "northbridge-chronicle", "haboker", "eastcoast-courier");
    String original = copies.get(0).getAs("article_id");
    assertThat(copies.get(0).isNullAt(copies.get(0).fieldIndex("duplicate_of"))).isTrue();
    assertThat(copies.subList(1, 4))
        .allSatisfy(r -> assertThat(r.<String>getAs("duplicate_of")).isEqualTo(original));
    assertThat(copies).allSatisfy(r -> assertThat(r.<Boolean>getAs("syndicated")).isTrue());
    // no other article is a duplicate
    assertThat(table("articles").filter(col("duplicate_of").isNotNull()).count()).isEqualTo(3);
    assertThat(table("articles").filter(col("syndicated")).count()).isEqualTo(4);

    Dataset<Row> run = table("outlet_frames").filter(col("period_type").equalTo("run"));
    assertThat(run.filter(col("outlet").equalTo("eastcoast-courier")).count()).isZero();
    assertThat(
            run.filter(col("outlet").equalTo("northbridge-chronicle"))
                .first()
                .getLong(run.first().fieldIndex("articles")))
        .isEqualTo(3);
    assertThat(run.select("copies_included").distinct().collectAsList())
        .extracting(r -> r.<Boolean>getAs("copies_included"))
        .containsExactly(false);

    Comparisons.Result withCopies =
        Comparisons.compute(spark, table("articles"), table("frame_hits"), frames(), "test", true);
    Dataset<Row> runWithCopies =
        withCopies.outletFrames().filter(col("period_type").equalTo("run"));
    assertThat(
            runWithCopies
                .filter(col("outlet").equalTo("northbridge-chronicle"))
                .first()
                .getLong(runWithCopies.first().fieldIndex("articles")))
        .isEqualTo(4);
    assertThat(runWithCopies.filter(col("outlet").equalTo("eastcoast-courier")).count())
        .isEqualTo(10);
  }

  private static List<String> frames() {
    return table("outlet_frames")
        .select("frame")
        .distinct()
        .orderBy("frame")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  @Test
  void nearDuplicatesMarkedInSparkEqualThoseMarkedOnTheDriver() {
    // the run above marked them on the driver (a few articles); large sets take the Spark path,
    // here from the stored signatures and texts alone
    List<String> inSpark =
        Syndication.mark(
                table("articles").drop("duplicate_of", "syndicated"),
                NearDuplicates.Window.days(NearDuplicates.Window.DEFAULT_DAYS),
                Long.MAX_VALUE)
            .select("article_id", "duplicate_of", "syndicated")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .toList();
    List<String> written =
        table("articles")
            .select("article_id", "duplicate_of", "syndicated")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .sorted()
            .toList();
    assertThat(inSpark).isEqualTo(written);
    assertThat(inSpark).filteredOn(r -> r.endsWith(",true]")).hasSize(4);
  }

  @Test
  void outletFramesHasEveryFrameForEveryOutletAndPeriodWithConsistentStatistics() {
    Dataset<Row> of = table("outlet_frames");
    Dataset<Row> originals = table("articles").filter(col("duplicate_of").isNull());
    long outletDays =
        originals
            .selectExpr("outlet", "coalesce(to_date(published_at), crawl_date) as d")
            .distinct()
            .count();
    long outlets = originals.select("outlet").distinct().count();
    assertThat(of.filter(col("period_type").equalTo("day")).count()).isEqualTo(outletDays * 10);
    assertThat(of.filter(col("period_type").equalTo("run")).count()).isEqualTo(outlets * 10);
    assertThat(
            of.filter(col("period_type").equalTo("week"))
                .select("period_label")
                .distinct()
                .collectAsList())
        .extracting(r -> r.<String>getAs("period_label"))
        .containsOnly("2023-W42", "2023-W43");
    for (Row r : of.collectAsList()) {
      long articles = r.getLong(r.fieldIndex("articles"));
      long withFrame = r.getLong(r.fieldIndex("articles_with_frame"));
      assertThat(withFrame).isBetween(0L, articles);
      double share = r.getDouble(r.fieldIndex("share"));
      assertThat(share).isEqualTo((double) withFrame / articles);
      assertThat(r.getDouble(r.fieldIndex("share_ci_low"))).isLessThanOrEqualTo(share);
      assertThat(r.getDouble(r.fieldIndex("share_ci_high"))).isGreaterThanOrEqualTo(share);
      assertThat(r.getLong(r.fieldIndex("hits_own")) + r.getLong(r.fieldIndex("hits_quoted")))
          .isEqualTo(r.getLong(r.fieldIndex("hits")));
    }
    long frameHitsOfOriginals =
        table("frame_hits")
            .filter(col("frame").startsWith("entity:").unary_$bang())
            .join(originals.select("article_id"), "article_id")
            .count();
    for (String type : List.of("day", "week", "run")) {
      assertThat(
              of.filter(col("period_type").equalTo(type))
                  .agg(org.apache.spark.sql.functions.sum("hits").as("hits"))
                  .first()
                  .<Long>getAs("hits"))
          .as("hits over %s periods", type)
          .isEqualTo(frameHitsOfOriginals);
    }
    // the pro-resistance outlet over-uses the resistance frame, the pro-Israel paper terrorism
    Row resistance =
        of.filter("period_type = 'run' and outlet = 'al-manara' and frame = 'resistance'").first();
    assertThat(resistance.getDouble(resistance.fieldIndex("log_odds_z"))).isGreaterThan(2);
    Row terror =
        of.filter(
                "period_type = 'run' and outlet = 'northbridge-chronicle' and frame = 'terrorism'")
            .first();
    assertThat(terror.getDouble(terror.fieldIndex("log_odds_z"))).isGreaterThan(1);
  }

  @Test
  void outletPairsFrameTermsAndStoriesAreConsistent() {
    Dataset<Row> pairs = table("outlet_pairs").filter(col("period_type").equalTo("run"));
    // every two outlets with frame hits in the run, once
    long outlets =
        table("outlet_frames")
            .filter(col("period_type").equalTo("run").and(col("hits").gt(0)))
            .select("outlet")
            .distinct()
            .count();
    assertThat(outlets).isGreaterThan(2);
    assertThat(pairs.count()).isEqualTo(outlets * (outlets - 1) / 2);
    for (Row r : pairs.collectAsList()) {
      assertThat(r.getString(r.fieldIndex("outlet_a")))
          .isLessThan(r.getString(r.fieldIndex("outlet_b")));
      assertThat(r.getDouble(r.fieldIndex("js_distance"))).isBetween(0.0, 1.0);
    }
    Dataset<Row> terms = table("frame_terms");
    for (Row r :
        terms
            .groupBy("outlet", "frame")
            .agg(org.apache.spark.sql.functions.sum("share_of_frame").as("shares"))
            .collectAsList()) {
      assertThat(r.<Double>getAs("shares"))
          .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(
            terms
                .filter("outlet = 'al-manara' and frame = 'captives_prisoners'")
                .select("term")
                .collectAsList())
        .extracting(r -> r.<String>getAs("term"))
        .contains("أسرى");
    // the hostage-release story is told by outlets in several languages
    Dataset<Row> stories = table("story_frames");
    assertThat(stories.count()).isPositive();
    Row biggest = stories.orderBy(col("story_outlets").desc()).first();
    assertThat(biggest.getLong(biggest.fieldIndex("story_outlets"))).isGreaterThanOrEqualTo(5);
    assertThat(
            stories
                .filter(col("story_id").equalTo(biggest.<String>getAs("story_id")))
                .select("outlet")
                .distinct()
                .count())
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void comparisonTablesComputedOnTheDriverEqualThoseComputedInSpark() {
    Dataset<Row> articles = table("articles");
    Dataset<Row> hits = table("frame_hits");
    List<String> frames =
        new ArrayList<>(
            org.framelens.common.lexicon.Lexicon.parse(
                    org.framelens.common.lexicon.Lexicon.defaultText(), "(bundled)")
                .frames());
    for (boolean includeCopies : List.of(false, true)) {
      Comparisons.Result local =
          Comparisons.compute(
              spark, articles, hits, frames, "v", includeCopies, Comparisons.LOCAL_MAX_ROWS);
      Comparisons.Result distributed =
          Comparisons.compute(spark, articles, hits, frames, "v", includeCopies, 0);
      assertThat(local.groupedOnDriver()).isTrue();
      assertThat(distributed.groupedOnDriver()).isFalse();
      Map<String, List<String>> l = rowsOf(local);
      Map<String, List<String>> d = rowsOf(distributed);
      local.release();
      distributed.release();
      assertThat(l.get("story_frames")).isNotEmpty();
      assertThat(l.get("outlet_pairs")).isNotEmpty();
      assertThat(l.get("story_contrasts")).isNotEmpty();
      assertThat(l.get("copy_edits")).isNotEmpty();
      assertThat(l).isEqualTo(d);
    }
  }

  private static Map<String, List<String>> rowsOf(Comparisons.Result r) {
    Map<String, List<String>> rows = new TreeMap<>();
    Map<String, Dataset<Row>> tables =
        Map.of(
            "outlet_frames", r.outletFrames(),
            "outlet_pairs", r.outletPairs(),
            "frame_terms", r.frameTerms(),
            "story_frames", r.storyFrames(),
            "story_contrasts", r.storyContrasts(),
            "copy_edits", r.copyEdits());
    tables.forEach(
        (name, ds) -> {
          List<String> list = new ArrayList<>();
          for (Row row : ds.collectAsList()) {
            list.add(row.toString());
          }
          list.sort(null);
          rows.put(name, list);
        });
    return rows;
  }

  @Test
  void theWireCopyThatChangedItsLabelsShowsInCopyEditsAndTheVerbatimCopiesDoNot() {
    Dataset<Row> edits = table("copy_edits");
    List<String> rows =
        edits.filter(col("row_kind").equalTo("edit")).collectAsList().stream()
            .map(
                r ->
                    r.getAs("outlet_copy")
                        + " < "
                        + r.getAs("outlet_original")
                        + ": "
                        + r.getAs("edit_kind")
                        + " "
                        + r.getAs("term_original")
                        + " ("
                        + r.getAs("frame_original")
                        + ") -> "
                        + r.getAs("term_copy")
                        + " ("
                        + r.getAs("frame_copy")
                        + ")")
            .sorted()
            .toList();
    assertThat(rows)
        .containsExactly(
            "haboker < globalwire: replaced armed group (militancy) -> terrorist organization"
                + " (terrorism)",
            "haboker < globalwire: replaced militant (militancy) -> terrorist (terrorism)");
    Row edit = edits.filter(col("term_copy").equalTo("terrorist")).first();
    assertThat(edit.<String>getAs("snippet_original")).contains("militants broke through");
    assertThat(edit.<String>getAs("snippet_copy")).contains("terrorists broke through");
    // published 2023-10-18T16:20Z and 2023-10-19T13:05+03:00
    assertThat(edit.<Double>getAs("hours_apart")).isCloseTo(17.75, within(1e-9));
    assertThat(edit.<String>getAs("lang_copy")).isEqualTo("en");
    // per outlet: every outlet with copies, whether it changed anything
    Map<String, String> any = new TreeMap<>();
    for (Row r :
        edits
            .filter(col("row_kind").equalTo("outlet").and(col("edit_kind").equalTo("any")))
            .collectAsList()) {
      any.put(r.getAs("outlet_copy"), r.getAs("copies_with_edit") + "/" + r.getAs("copies"));
    }
    assertThat(any)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "eastcoast-courier", "0/1", "haboker", "1/1", "northbridge-chronicle", "0/1")));
  }

  @Test
  void storyContrastsSplitEveryRawDifferenceIntoSelectionAndFramingAndMatchOutletFrames() {
    Dataset<Row> contrasts = table("story_contrasts");
    assertThat(contrasts.count()).isPositive();
    assertThat(
            contrasts.select("period_type").distinct().collectAsList().stream()
                .map(r -> r.<String>getAs("period_type"))
                .sorted()
                .toList())
        .containsExactly("run", "week");
    for (Row r : contrasts.collectAsList()) {
      assertThat(r.<Double>getAs("selection_part") + r.<Double>getAs("framing_part"))
          .isCloseTo(r.<Double>getAs("share_difference"), within(1e-12));
      assertThat(r.<Long>getAs("stories_shared")).isPositive();
    }
    // the raw shares are outlet_frames' shares: each article in no story is a story of its own
    Dataset<Row> shares =
        table("outlet_frames")
            .filter(col("period_type").equalTo("run"))
            .select(col("outlet").as("outlet_a"), col("frame"), col("share").as("of_share"));
    for (Row r :
        contrasts
            .filter(col("period_type").equalTo("run"))
            .join(shares, SparkTables.seq("outlet_a", "frame"))
            .collectAsList()) {
      assertThat(r.<Double>getAs("share_a")).isCloseTo(r.<Double>getAs("of_share"), within(1e-12));
    }
    // a story several outlets covered gives pairs with an odds ratio and an interval around it
    assertThat(
            contrasts
                .filter(
                    col("period_type")
                        .equalTo("run")
                        .and(col("or_mh").isNotNull())
                        .and(col("outlet_b").notEqual("(all others)")))
                .count())
        .isPositive();
  }

  @Test
  void outletCoverageCountsEveryArticleOncePerOutletAndCrawlDay() {
    Dataset<Row> coverage = table("outlet_coverage");
    Row totals =
        coverage
            .agg(
                org.apache.spark.sql.functions.sum("articles").as("articles"),
                org.apache.spark.sql.functions.sum("quarantined").as("quarantined"))
            .first();
    assertThat(totals.<Long>getAs("articles")).isEqualTo(32 + 3 + 5 + 4);
    assertThat(totals.<Long>getAs("quarantined")).isZero();
    Map<String, Long> perOutlet = new TreeMap<>();
    for (Row r :
        coverage
            .groupBy("outlet")
            .agg(org.apache.spark.sql.functions.sum("articles").as("articles"))
            .collectAsList()) {
      perOutlet.put(r.getAs("outlet"), r.<Long>getAs("articles"));
    }
    assertThat(perOutlet).containsEntry("haboker", 4L).containsEntry("rheinufer-zeitung", 4L);
    assertThat(coverage.filter("languages = 'he'").filter("outlet = 'haboker'").count())
        .isPositive();
  }

  @Test
  void theTablesHaveTheDeclaredColumnsAndReadBackIdenticallyWithDuckDb() throws Exception {
    for (var t : Tables.ALL) {
      if (t == Tables.RUNS || t == Tables.LEXICON_VALIDATION) {
        continue; // written by nightly and validate score only
      }
      assertThat(table(t.name()).columns()).containsExactlyInAnyOrderElementsOf(t.columnNames());
    }
    List<String> fromSpark = new ArrayList<>();
    for (Row r :
        table("articles")
            .orderBy("article_id")
            .select("article_id", "outlet", "lang", "title", "text_chars", "published_at")
            .collectAsList()) {
      fromSpark.add(
          r.getAs("article_id")
              + "|"
              + r.getAs("outlet")
              + "|"
              + r.getAs("lang")
              + "|"
              + r.getAs("title")
              + "|"
              + r.<Integer>getAs("text_chars")
              + "|"
              + (r.isNullAt(r.fieldIndex("published_at"))
                  ? "null"
                  : r.<java.sql.Timestamp>getAs("published_at").toInstant()));
    }
    List<String> fromDuck = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET TimeZone='UTC'");
      try (ResultSet rs =
          s.executeQuery(
              "select article_id, outlet, lang, title, text_chars, published_at from read_parquet('"
                  + out
                  + "/articles/*/*.parquet', hive_partitioning=true) order by article_id")) {
        while (rs.next()) {
          java.time.OffsetDateTime p = rs.getObject("published_at", java.time.OffsetDateTime.class);
          fromDuck.add(
              rs.getString("article_id")
                  + "|"
                  + rs.getString("outlet")
                  + "|"
                  + rs.getString("lang")
                  + "|"
                  + rs.getString("title")
                  + "|"
                  + rs.getInt("text_chars")
                  + "|"
                  + (p == null ? "null" : p.toInstant()));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "select count(*) as n, count(distinct crawl_date) as days from read_parquet('"
                  + out
                  + "/frame_hits/*/*.parquet', hive_partitioning=true)")) {
        rs.next();
        assertThat(rs.getLong("n")).isEqualTo(table("frame_hits").count());
      }
    }
    assertThat(fromDuck).isEqualTo(fromSpark);
  }

  @Test
  void badInputIsQuarantinedWithAReasonAndNeverStopsTheRun(@TempDir Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    byte[] warc = Files.readAllBytes(SAMPLES.resolve("crawl/sample-crawl.warc.gz"));
    // cut early inside a response record's gzip member (at 3/5 of the sample crawl: 14% into
    // it), so that the record cannot be read; a cut near a member's end can leave a readable page
    Files.write(in.resolve("cut.warc.gz"), java.util.Arrays.copyOf(warc, warc.length * 3 / 5));
    Files.write(
        in.resolve("garbage.warc.gz"), "this is not a warc file at all".repeat(50).getBytes());
    Files.write(in.resolve("empty.warc"), new byte[0]);
    Path docs = Files.createDirectories(in.resolve("some-outlet"));
    Files.write(docs.resolve("broken.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes());
    Files.writeString(
        docs.resolve("good.html"),
        "<html><body><article><h1>Talks on hostages</h1><p>The mediators met again on Sunday to discuss the release of hostages held in Gaza, officials said.</p></article></body></html>");
    String o = dir.resolve("out").toString();
    RunSummary s = FramingRunJob.run(spark, RunConfig.withDefaults(List.of(in.toString()), o));
    List<Row> q = spark.read().parquet(o + "/quarantine").collectAsList();
    assertThat(q)
        .extracting(
            r -> new File(r.<String>getAs("source_file")).getName() + ":" + r.getAs("stage"))
        .containsExactlyInAnyOrder(
            "cut.warc.gz:read", "garbage.warc.gz:read", "broken.pdf:parse", "empty.warc:read");
    assertThat(q).allSatisfy(r -> assertThat(r.<String>getAs("message")).isNotBlank());
    long keptFromCut =
        spark
            .read()
            .parquet(o + "/articles")
            .filter(col("source_file").endsWith("cut.warc.gz"))
            .count();
    assertThat(keptFromCut).isGreaterThan(5);
    assertThat(
            spark
                .read()
                .parquet(o + "/articles")
                .filter(col("outlet").equalTo("some-outlet"))
                .count())
        .isEqualTo(1);
    assertThat(s.quarantined()).isEqualTo(4);
  }

  @Test
  void aHeaderBombAndALinkOutOfTheInputAreQuarantineRowsAndTheRunWritesItsTables(@TempDir Path dir)
      throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path bomb = in.resolve("bomb.warc.gz");
    // a gzip member with a 64 MiB header line, streamed to the file, then the sample crawl
    try (java.io.OutputStream file = Files.newOutputStream(bomb)) {
      java.io.OutputStream member =
          new java.util.zip.GZIPOutputStream(
              new java.io.FilterOutputStream(file) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                  out.flush();
                }
              });
      member.write(
          ("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://bomb.example/\r\n"
                  + "WARC-Date: 2023-10-19T10:00:00Z\r\nX-Padding: ")
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      byte[] pad = "p".repeat(1 << 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      for (int i = 0; i < 1024; i++) {
        member.write(pad);
      }
      member.write(
          "\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      member.close();
      file.write(Files.readAllBytes(SAMPLES.resolve("crawl/sample-crawl.warc.gz")));
    }
    Path secret = Files.writeString(dir.resolve("outside.html"), "<p>not an input</p>");
    Files.createSymbolicLink(in.resolve("outside.html"), secret);
    String o = dir.resolve("out").toString();

    RunSummary s = FramingRunJob.run(spark, RunConfig.withDefaults(List.of(in.toString()), o));

    List<Row> q = spark.read().parquet(o + "/quarantine").collectAsList();
    assertThat(q)
        .extracting(
            r -> new File(r.<String>getAs("source_file")).getName() + ":" + r.getAs("error_class"))
        .containsExactlyInAnyOrder(
            "bomb.warc.gz:warc_header_too_large", "outside.html:symlink_outside_root");
    // every article of the sample crawl after the bomb is read
    long sampleArticles =
        spark
            .read()
            .parquet(out + "/articles")
            .filter(col("source_file").endsWith("sample-crawl.warc.gz"))
            .count();
    assertThat(spark.read().parquet(o + "/articles").count()).isEqualTo(sampleArticles);
    assertThat(s.render()).contains("skipped symlinks 1 (outside root 1, loops 0");
  }

  @Test
  void aWarcFileSplitIntoRangesAcrossTasksYieldsTheSameArticlesAsWhole(@TempDir Path dir)
      throws IOException {
    Path warc = SAMPLES.resolve("crawl/sample-crawl.warc.gz");
    String o = dir.resolve("out").toString();
    var conf = spark.sparkContext().hadoopConfiguration();
    List<InputFile> ranges =
        InputSplitting.split(InputListing.list(List.of(warc.toString()), conf), 20_000, conf);
    assertThat(ranges).hasSizeGreaterThan(3).allSatisfy(r -> assertThat(r.isRange()).isTrue());
    spark
        .conf()
        .set(
            org.framelens.jobs.spark.FramelensConf.SPLIT_BYTES,
            "20000"); // ~7 ranges of the 136 KB file
    try {
      FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), o));
    } finally {
      spark.conf().unset(org.framelens.jobs.spark.FramelensConf.SPLIT_BYTES);
    }
    List<String> split =
        spark
            .read()
            .parquet(o + "/articles")
            .orderBy("article_id")
            .select("article_id", "source_offset")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList();
    List<String> whole =
        table("articles")
            .filter(col("source_file").endsWith("sample-crawl.warc.gz"))
            .orderBy("article_id")
            .select("article_id", "source_offset")
            .collectAsList()
            .stream()
            .map(Row::toString)
            .toList();
    assertThat(split).hasSizeGreaterThan(20).isEqualTo(whole);
    assertThat(spark.read().parquet(o + "/quarantine").count()).isZero();
  }

  @Test
  void retagRewritesHitsAndComparisonTablesFromStoredTextWithAnotherLexicon(@TempDir Path dir)
      throws IOException {
    Path copy = dir.resolve("out");
    copyTree(Path.of(out, "articles"), copy.resolve("articles"));
    // retag rewrites an earlier run's output, recognised by the run's marker
    Files.copy(Path.of(out, "_framelens_summary.txt"), copy.resolve("_framelens_summary.txt"));
    Path lexicon = dir.resolve("small.tsv");
    Files.writeString(
        lexicon,
        "frame\tlang\tterm\n# only two frames\nhostages\ten\thostage\nhostages\tde\tGeisel\n"
            + "captivity\tar\tأسرى\n");
    RetagJob.Summary s =
        RetagJob.run(
            spark,
            new RetagJob.Config(
                copy.toString(),
                ProcessingSettings.defaults().withLexicon(lexicon.toString()),
                false));
    Dataset<Row> hits = spark.read().parquet(copy + "/frame_hits");
    assertThat(countBy(hits, "frame").keySet()).containsExactlyInAnyOrder("hostages", "captivity");
    assertThat(countBy(hits, "lang").keySet()).containsExactlyInAnyOrder("en", "de", "ar");
    assertThat(hits.select("lexicon_version").distinct().collectAsList())
        .extracting(r -> r.<String>getAs("lexicon_version"))
        .containsExactly(s.lexiconVersion());
    assertThat(s.lexiconVersion()).isNotEqualTo(summary.lexiconVersion());
    assertThat(s.hits()).isEqualTo(hits.count()).isPositive();
    // the same hits as a full run with that lexicon would give: compare with the run's own hits
    long runHostagesEn =
        table("frame_hits")
            .filter(col("lang").equalTo("en").and(col("term").isin("hostage", "hostage-taking")))
            .count();
    assertThat(hits.filter(col("lang").equalTo("en")).count()).isEqualTo(runHostagesEn);
    Dataset<Row> of = spark.read().parquet(copy + "/outlet_frames");
    assertThat(countBy(of, "frame").keySet()).containsExactlyInAnyOrder("hostages", "captivity");
    long hitsOfOriginals =
        hits.join(
                spark.read().parquet(copy + "/articles").filter(col("duplicate_of").isNull()),
                "article_id")
            .count();
    assertThat(
            of.filter(col("period_type").equalTo("run"))
                .agg(org.apache.spark.sql.functions.sum("hits").as("hits"))
                .first()
                .<Long>getAs("hits"))
        .isEqualTo(hitsOfOriginals);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

package org.framelens.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.input.ReadOutcome;
import org.framelens.common.input.WarcDocumentReader;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.pipeline.ArticleProcessor;
import org.framelens.common.pipeline.HostileDocuments;
import org.framelens.common.pipeline.Processed;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableDigests;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyJobTest {
  static final Path SAMPLE_WARC = TestData.SAMPLES.resolve("crawl/sample-crawl.warc.gz");
  static final LocalDate NIGHT_1 = LocalDate.parse("2026-11-20");
  static final LocalDate NIGHT_2 = LocalDate.parse("2026-11-21");
  static final String STORY =
      "Mediators met again in Cairo to discuss the release of hostages held in Gaza, officials"
          + " said on Thursday.";

  final SparkSession spark = SparkTestSession.get();

  static NightlyJob.Config config(
      LocalDate date, Path root, Path out, String lexicon, boolean force) {
    return new NightlyJob.Config(
        date,
        root.toString(),
        NightlyJob.DEFAULT_TEMPLATE,
        out.toString(),
        ProcessingSettings.defaults().withLexicon(lexicon),
        false,
        force);
  }

  static String page(String title, String body) {
    return "<html><head><title>"
        + title
        + "</title></head><body><article><h1>"
        + title
        + "</h1><p>"
        + body
        + "</p></article></body></html>";
  }

  /**
   * Night 1: the sample crawl, then bad files between good ones (sorted by name, so good articles
   * come before, between and after every bad record).
   */
  static void hostileNight(Path day) throws IOException {
    Files.createDirectories(day);
    byte[] warc = Files.readAllBytes(SAMPLE_WARC);
    Files.write(day.resolve("a-sample.warc.gz"), warc);
    // cut early inside a response record's gzip member (3/5 of the sample crawl, as in
    // FramingRunJobTest), so the record cannot be read; a cut near a member's end leaves a page
    Files.write(day.resolve("b-cut.warc.gz"), java.util.Arrays.copyOf(warc, warc.length * 3 / 5));
    Path docs = Files.createDirectories(day.resolve("c-docs"));
    Files.writeString(docs.resolve("1-good.html"), page("Talks resume", STORY));
    Files.write(docs.resolve("2-bomb.docx"), HostileDocuments.zipBombDocx());
    Files.writeString(
        docs.resolve("3-good.html"), page("Ceasefire holds", "The truce held overnight. " + STORY));
    Files.write(docs.resolve("4-broken.pdf"), HostileDocuments.truncatedPdf());
    try (OutputStream big = Files.newOutputStream(docs.resolve("5-big.html"))) {
      big.write("<html><body><p>".getBytes(StandardCharsets.UTF_8));
      byte[] filler = "lorem ipsum dolor sit amet ".repeat(1000).getBytes(StandardCharsets.UTF_8);
      for (long n = 0; n < 50_000_000L; n += filler.length) {
        big.write(filler);
      }
    }
    Files.writeString(
        docs.resolve("6-deep.html"), HostileDocuments.deeplyNestedHtml(200_000, STORY));
    Files.write(docs.resolve("7-bad-utf8.html"), HostileDocuments.invalidUtf8Page(STORY));
    Files.writeString(
        docs.resolve("8-good.html"), page("Aid convoy", "Trucks crossed at Rafah. " + STORY));
    Files.write(day.resolve("d-empty.warc"), new byte[0]);
    Files.write(
        day.resolve("e-garbage.warc.gz"),
        "this is not a warc file at all".repeat(50).getBytes(StandardCharsets.UTF_8));
  }

  /** URLs of the articles the sample crawl yields on its own (plain Java, no Spark). */
  static Set<String> sampleArticleUrls() throws IOException {
    ArticleProcessor p =
        new ArticleProcessor(
            ProcessingResources.forConfig(
                new ProcessingConfig(
                    Lexicon.defaultText(),
                    "(bundled default lexicon)",
                    null,
                    ProcessingResources.defaultDetectLanguages(
                        Lexicon.parse(Lexicon.defaultText(), "(bundled)")),
                    ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
                    ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
                    ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS)));
    Set<String> urls = new HashSet<>();
    try (InputStream in = Files.newInputStream(SAMPLE_WARC);
        WarcDocumentReader r =
            new WarcDocumentReader(in, "sample", ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES)) {
      while (r.hasNext()) {
        ReadOutcome o = r.next();
        if (p.process(o) instanceof Processed.Article a) {
          urls.add(a.article().url());
        }
      }
    }
    return urls;
  }

  private Map<String, String> quarantineByFile(Path out) {
    Map<String, String> byFile = new TreeMap<>();
    for (Row r : spark.read().parquet(out + "/quarantine").collectAsList()) {
      assertThat(r.getString(r.fieldIndex("message"))).isNotBlank();
      byFile.merge(
          new File(r.getString(r.fieldIndex("source_file"))).getName(),
          r.getString(r.fieldIndex("stage")) + ":" + r.getString(r.fieldIndex("error_class")),
          (a, b) -> a);
    }
    return byFile;
  }

  @Test
  void aHostileNightKeepsEveryGoodArticleQuarantinesEveryBadRecordAndRerunsIdentically(
      @TempDir Path dir) throws IOException {
    Path root = dir.resolve("crawl");
    hostileNight(root.resolve(NIGHT_1.toString()));
    Path out = dir.resolve("out");

    NightlyJob.Result first = NightlyJob.run(spark, config(NIGHT_1, root, out, null, false));
    System.out.print(first.render());
    assertThat(first.status()).isEqualTo("succeeded");
    assertThat(first.mode()).isEqualTo("parse");

    Map<String, String> quarantined = quarantineByFile(out);
    assertThat(quarantined)
        .containsEntry("2-bomb.docx", "parse:zip_bomb")
        .containsEntry("5-big.html", "read:too_large")
        .containsEntry("d-empty.warc", "read:empty_file")
        .containsKeys("b-cut.warc.gz", "4-broken.pdf", "e-garbage.warc.gz");
    assertThat(quarantined.get("b-cut.warc.gz")).startsWith("read:");
    assertThat(quarantined.get("4-broken.pdf")).startsWith("parse:");
    assertThat(quarantined.get("e-garbage.warc.gz")).startsWith("read:");
    assertThat(quarantined).hasSize(6);

    var articles = spark.read().parquet(out + "/articles");
    Set<String> urls = new HashSet<>();
    for (Row r : articles.select("url").collectAsList()) {
      urls.add(r.getAs("url"));
    }
    assertThat(urls).containsAll(sampleArticleUrls());
    assertThat(
            articles
                .filter(col("outlet").equalTo("c-docs"))
                .select("url")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .extracting(u -> new File(u).getName())
        .containsExactlyInAnyOrder(
            "1-good.html", "3-good.html", "6-deep.html", "7-bad-utf8.html", "8-good.html");
    assertThat(articles.select("crawl_date").distinct().collectAsList())
        .extracting(r -> r.getAs("crawl_date").toString())
        .containsExactly(NIGHT_1.toString());
    long night1Articles = articles.count();
    Map<String, String> digests = TableDigests.of(spark, out.toString());

    NightlyJob.Result again = NightlyJob.run(spark, config(NIGHT_1, root, out, null, false));
    System.out.print(again.render());
    assertThat(again.mode()).isEqualTo("skip");
    assertThat(TableDigests.of(spark, out.toString())).isEqualTo(digests);

    NightlyJob.Result forced = NightlyJob.run(spark, config(NIGHT_1, root, out, null, true));
    System.out.print(forced.render());
    assertThat(forced.mode()).isEqualTo("parse");
    assertThat(TableDigests.of(spark, out.toString())).isEqualTo(digests);

    // a second night leaves the first one's partitions alone and joins the comparison tables
    Path night2 = Files.createDirectories(root.resolve(NIGHT_2.toString()).resolve("d-outlet"));
    Files.writeString(night2.resolve("talks.html"), page("Talks go on", STORY));
    NightlyJob.Result second = NightlyJob.run(spark, config(NIGHT_2, root, out, null, false));
    System.out.print(second.render());
    assertThat(second.articles()).isEqualTo(1);
    assertThat(
            spark
                .read()
                .parquet(out + "/articles")
                .filter(col("crawl_date").equalTo(java.sql.Date.valueOf(NIGHT_1)))
                .count())
        .isEqualTo(night1Articles);

    // a lexicon change retags the stored text of every date instead of parsing again
    Path lexicon = dir.resolve("small.tsv");
    Files.writeString(lexicon, "frame\tlang\tterm\nhostages\ten\thostage\n");
    NightlyJob.Result retag =
        NightlyJob.run(spark, config(NIGHT_2, root, out, lexicon.toString(), false));
    System.out.print(retag.render());
    assertThat(retag.mode()).isEqualTo("retag");
    assertThat(retag.retaggedDates()).isEqualTo(1);
    String version = Lexicon.parse(Files.readString(lexicon), "small").version();
    assertThat(
            spark
                .read()
                .parquet(out + "/frame_hits")
                .select("lexicon_version")
                .distinct()
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly(version);
    assertThat(
            spark
                .read()
                .parquet(out + "/frame_hits")
                .filter(col("frame").equalTo("hostages"))
                .count())
        .isGreaterThan(0);

    List<Row> runs = spark.read().parquet(out + "/runs").orderBy("started_at").collectAsList();
    assertThat(runs)
        .extracting(r -> r.getAs("mode") + "/" + r.getAs("status"))
        .containsExactly(
            "parse/succeeded",
            "skip/skipped",
            "parse/succeeded",
            "parse/succeeded",
            "retag/succeeded");
    assertThat((int) runs.get(0).getAs("input_files")).isEqualTo(12);

    // retag outside the ledger would desynchronise the store: refused, a configuration error
    Throwable refused =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                org.framelens.jobs.retag.RetagJob.run(
                    spark,
                    new org.framelens.jobs.retag.RetagJob.Config(
                        out.toString(), ProcessingSettings.defaults(), false)));
    assertThat(refused)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nightly");
    assertThat(org.framelens.jobs.cli.ExitCodes.of(refused))
        .isEqualTo(org.framelens.jobs.cli.ExitCodes.USAGE);
    Path staging = out.resolve("_framelens/staging");
    if (Files.exists(staging)) {
      try (var left = Files.list(staging)) {
        assertThat(left).as("staging left behind").isEmpty();
      }
    }
  }

  @Test
  void aCommitInterruptedBetweenRenamesIsFinishedByTheNextRun(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("out");
    Path livePart = Files.createDirectories(out.resolve("articles/crawl_date=2026-11-20"));
    Files.writeString(livePart.resolve("old.parquet"), "old");
    Path liveTable = Files.createDirectories(out.resolve("outlet_frames"));
    Files.writeString(liveTable.resolve("old.parquet"), "old");

    OutputCommit commit = new OutputCommit(out.toString(), "run-1", new Configuration());
    for (String relative : List.of("articles/crawl_date=2026-11-20", "outlet_frames")) {
      Path staged = Files.createDirectories(Path.of(commit.staging(relative).replace("file:", "")));
      Files.writeString(staged.resolve("new.parquet"), "new");
      commit.replace(relative);
    }
    commit.writeJournal();
    // the crash: the first live folder was moved away, nothing else happened
    Files.createDirectories(out.resolve("_framelens/trash/run-1"));
    Files.move(livePart, out.resolve("_framelens/trash/run-1/0"));

    assertThat(OutputCommit.recover(out.toString(), new Configuration())).containsExactly("run-1");
    assertThat(livePart.resolve("new.parquet")).exists();
    assertThat(livePart.resolve("old.parquet")).doesNotExist();
    assertThat(liveTable.resolve("new.parquet")).exists();
    assertThat(liveTable.resolve("old.parquet")).doesNotExist();
    assertThat(out.resolve("_framelens/staging")).doesNotExist();
    assertThat(out.resolve("_framelens/trash/run-1")).doesNotExist();
  }

  @Test
  void aRunThatCrashedBeforeItsJournalLeavesThePreviousTablesAndItsStagingIsCleared(
      @TempDir Path dir) throws IOException {
    Path out = dir.resolve("out");
    Path livePart = Files.createDirectories(out.resolve("articles/crawl_date=2026-11-20"));
    Files.writeString(livePart.resolve("old.parquet"), "old");
    OutputCommit commit = new OutputCommit(out.toString(), "run-2", new Configuration());
    Path staged =
        Files.createDirectories(
            Path.of(commit.staging("articles/crawl_date=2026-11-20").replace("file:", "")));
    Files.writeString(staged.resolve("half.parquet"), "half");

    assertThat(OutputCommit.recover(out.toString(), new Configuration())).isEmpty();
    assertThat(livePart.resolve("old.parquet")).exists();
    assertThat(out.resolve("_framelens/staging")).doesNotExist();
  }
}

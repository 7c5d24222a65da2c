package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.FramelensConf;
import org.framelens.jobs.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/** A page fetched several times in one crawl day is one article: its latest fetch. */
class LatestFetchTest {
  static final URI PAGE = URI.create("https://news.example.org/2026/03/talks-resume");

  static String page(String lead) {
    return "<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>"
        + "<p>"
        + lead
        + "</p><p>Negotiators from both sides met in Cairo for a second round, and the families"
        + " of the hostages waited outside the building for most of the afternoon.</p>"
        + "</article></body></html>";
  }

  static void write(WarcWriter w, Instant when, String lead) throws IOException {
    write(w, PAGE, when, lead);
  }

  @Test
  void aPageFetchedThreeTimesOnOneDayKeepsOnlyItsLatestFetchAndItsHits(@TempDir Path dir)
      throws IOException {
    Path warc = dir.resolve("in/crawl.warc.gz");
    Files.createDirectories(warc.getParent());
    try (OutputStream out = Files.newOutputStream(warc);
        WarcWriter w =
            new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      // written out of time order: the latest fetch is neither the first nor the last record
      write(w, Instant.parse("2026-03-02T08:00:00Z"), "Early edition: the talks start at noon.");
      write(w, Instant.parse("2026-03-02T21:15:00Z"), "Evening edition: the talks ended late.");
      write(w, Instant.parse("2026-03-02T13:40:00Z"), "Midday edition: the talks have begun.");
      write(w, Instant.parse("2026-03-03T07:05:00Z"), "Next morning: a third round is planned.");
    }
    SparkSession spark = SparkTestSession.get();
    String o = dir.resolve("out").toString();
    FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), o));

    List<Row> articles =
        spark.read().parquet(o + "/articles").orderBy("crawl_time").collectAsList();
    assertThat(articles)
        .extracting(r -> r.getAs("crawl_time").toString().substring(0, 16))
        .containsExactly("2026-03-02 21:15", "2026-03-03 07:05");
    assertThat(articles)
        .extracting(r -> r.<String>getAs("text"))
        .allSatisfy(t -> assertThat(t).doesNotContain("Early edition", "Midday edition"));
    Set<String> keptIds =
        articles.stream().map(r -> r.<String>getAs("article_id")).collect(Collectors.toSet());
    assertThat(keptIds).hasSize(2);
    // every fetch carries the same tagged paragraph: a superseded fetch's hits would show as
    // another article id, or as more hits on the first day's article than on the second's
    List<Row> hits = spark.read().parquet(o + "/frame_hits").collectAsList();
    java.util.Map<String, Long> hitsPerArticle =
        hits.stream()
            .collect(
                Collectors.groupingBy(r -> r.<String>getAs("article_id"), Collectors.counting()));
    assertThat(hitsPerArticle.keySet()).isEqualTo(keptIds);
    assertThat(new java.util.HashSet<>(hitsPerArticle.values())).hasSize(1);
    assertThat(spark.read().parquet(o + "/quarantine").filter(col("stage").isNotNull()).count())
        .isZero();
  }

  @Test
  void theDriverAndSparkChooseTheSameFetchesAndCountWhatTheTablesHold(@TempDir Path dir)
      throws IOException {
    Path warc = dir.resolve("in/crawl.warc.gz");
    Files.createDirectories(warc.getParent());
    try (OutputStream out = Files.newOutputStream(warc);
        WarcWriter w =
            new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      // two fetches at the same second: the earlier record (smaller offset) is kept
      write(w, Instant.parse("2026-03-02T10:00:00Z"), "First copy of the ten o'clock fetch.");
      write(w, Instant.parse("2026-03-02T10:00:00Z"), "Second copy of the ten o'clock fetch.");
      write(w, Instant.parse("2026-03-02T09:00:00Z"), "Nine o'clock: the talks start soon.");
      write(w, Instant.parse("2026-03-04T09:00:00Z"), "Two days on: the talks go on.");
    }
    SparkSession spark = SparkTestSession.get();
    String onDriver = dir.resolve("driver").toString();
    String inSpark = dir.resolve("spark").toString();
    RunSummary driverSummary =
        FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), onDriver));
    RunSummary sparkSummary;
    spark.conf().set(FramelensConf.NEARDUP_DRIVER_MAX, "0");
    try {
      sparkSummary =
          FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), inSpark));
    } finally {
      spark.conf().unset(FramelensConf.NEARDUP_DRIVER_MAX);
    }
    for (String table : List.of("articles", "frame_hits", "quarantine", "outlet_coverage")) {
      assertThat(rows(spark, onDriver + "/" + table))
          .as(table)
          .containsExactlyInAnyOrderElementsOf(rows(spark, inSpark + "/" + table));
    }
    assertThat(
            spark
                .read()
                .parquet(onDriver + "/articles")
                .select("text")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .anySatisfy(t -> assertThat(t).contains("First copy"))
        .noneSatisfy(t -> assertThat(t).contains("Second copy"))
        .noneSatisfy(t -> assertThat(t).contains("Nine o'clock"));
    for (RunSummary s : List.of(driverSummary, sparkSummary)) {
      assertThat(s.articlesWritten()).isEqualTo(2);
      assertThat(s.frameHits())
          .isEqualTo(spark.read().parquet(onDriver + "/frame_hits").count())
          .isPositive();
      assertThat(s.duplicateUrls()).isEqualTo(2);
    }
  }

  @Test
  void recordsSharingOneGzipMemberAreToldApartWhenAnEarlierFetchIsSuperseded(@TempDir Path dir)
      throws IOException {
    // some crawlers (gowarc's test files, old Heritrix jobs) gzip several records as one member:
    // every record of it has the member's offset, so the offset alone does not name a record
    java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
    try (WarcWriter w =
        new WarcWriter(java.nio.channels.Channels.newChannel(plain), WarcCompression.NONE)) {
      write(w, PAGE, Instant.parse("2026-03-02T08:00:00Z"), "Early edition: talks at noon.");
      write(
          w,
          URI.create("https://news.example.org/2026/03/border-crossing"),
          Instant.parse("2026-03-02T09:00:00Z"),
          "The border crossing reopened for aid lorries after a week of closure.");
      write(w, PAGE, Instant.parse("2026-03-02T20:00:00Z"), "Evening edition: talks ended late.");
      write(
          w,
          URI.create("https://news.example.org/2026/03/ceasefire-vote"),
          Instant.parse("2026-03-02T10:00:00Z"),
          "Parliament postponed the ceasefire vote until the envoy returns from Doha.");
    }
    Path warc = dir.resolve("in/one-member.warc.gz");
    Files.createDirectories(warc.getParent());
    try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(warc))) {
      out.write(plain.toByteArray());
    }
    SparkSession spark = SparkTestSession.get();
    String onDriver = dir.resolve("driver").toString();
    String inSpark = dir.resolve("spark").toString();
    FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), onDriver));
    spark.conf().set(FramelensConf.NEARDUP_DRIVER_MAX, "0");
    try {
      FramingRunJob.run(spark, RunConfig.withDefaults(List.of(warc.toString()), inSpark));
    } finally {
      spark.conf().unset(FramelensConf.NEARDUP_DRIVER_MAX);
    }
    for (String out : List.of(onDriver, inSpark)) {
      List<Row> articles = spark.read().parquet(out + "/articles").collectAsList();
      assertThat(articles)
          .extracting(r -> r.<String>getAs("url"))
          .containsExactlyInAnyOrder(
              PAGE.toString(),
              "https://news.example.org/2026/03/border-crossing",
              "https://news.example.org/2026/03/ceasefire-vote");
      assertThat(articles.stream().map(r -> r.<Long>getAs("source_offset")).distinct())
          .as("one offset for the records of one member")
          .hasSize(1);
      assertThat(articles)
          .filteredOn(r -> r.<String>getAs("url").equals(PAGE.toString()))
          .extracting(r -> r.<String>getAs("text"))
          .singleElement()
          .satisfies(t -> assertThat(t).contains("Evening edition"));
    }
  }

  static void write(WarcWriter w, URI url, Instant when, String lead) throws IOException {
    w.write(
        new WarcResponse.Builder(url)
            .date(when)
            .body(
                new HttpResponse.Builder(200, "OK")
                    .addHeader("Content-Type", "text/html; charset=utf-8")
                    .body(MediaType.HTML_UTF8, page(lead).getBytes(StandardCharsets.UTF_8))
                    .build())
            .build());
  }

  private static List<String> rows(SparkSession spark, String table) {
    return spark.read().parquet(table).collectAsList().stream().map(Row::toString).toList();
  }
}

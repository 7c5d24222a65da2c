package org.framelens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.nightly.NightlyJob;
import org.framelens.jobs.retag.RetagJob;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A crawl in which no lexicon term occurs (a page about a video game) is an ordinary night: the
 * run, retag and nightly complete and every documented table is a real table, readable by Spark and
 * DuckDB, with 0 rows where there is nothing to say.
 */
class QuietCrawlTest {
  static SparkSession spark;
  static final Instant CRAWLED = Instant.parse("2024-03-05T09:30:00Z");

  @BeforeAll
  static void start() {
    spark = SparkTestSession.get();
  }

  /** One page with nothing the default lexicon knows, written for this test. */
  static void quietCrawl(Path file) throws IOException {
    String page =
        "<html><head><title>Lantern Keeper review</title></head><body><article>"
            + "<h1>Lantern Keeper review</h1>"
            + "<p>Lantern Keeper is a slow puzzle game about tending a lighthouse through one long"
            + " winter. Each evening the player trims wicks, mends lenses and counts the passing"
            + " ships, and the soundtrack of waves and wind is the best part of it.</p>"
            + "<p>The puzzles grow harder as the nights get longer, but the game never rushes you."
            + " It runs well on an old laptop and takes about eight hours to finish.</p>"
            + "</article></body></html>";
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        WarcWriter w =
            new WarcWriter(java.nio.channels.Channels.newChannel(out), WarcCompression.GZIP)) {
      w.write(
          new WarcResponse.Builder(URI.create("https://games.example.net/reviews/lantern-keeper"))
              .date(CRAWLED)
              .body(
                  new HttpResponse.Builder(200, "OK")
                      .addHeader("Content-Type", "text/html; charset=utf-8")
                      .body(MediaType.HTML_UTF8, page.getBytes(StandardCharsets.UTF_8))
                      .build())
              .build());
    }
  }

  /** Rows of each documented table as DuckDB reads the folder, by table name. */
  static Map<String, Long> duckdbCounts(Path out, List<TableSchema> tables) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (TableSchema t : tables) {
        try (ResultSet rs =
            s.executeQuery(
                "select count(*) as n from read_parquet('"
                    + out.resolve(t.name())
                    + "/**/*.parquet', hive_partitioning=true)")) {
          rs.next();
          counts.put(t.name(), rs.getLong("n"));
        }
      }
    }
    return counts;
  }

  static final List<TableSchema> RUN_TABLES =
      List.of(
          Tables.ARTICLES,
          Tables.FRAME_HITS,
          Tables.OUTLET_FRAMES,
          Tables.OUTLET_PAIRS,
          Tables.FRAME_TERMS,
          Tables.STORY_FRAMES,
          Tables.QUARANTINE,
          Tables.OUTLET_COVERAGE);

  @Test
  void aCrawlWithoutFrameHitsCompletesAndEveryTableReadsBackWithZeroRowsWhereEmpty(
      @TempDir Path dir) throws Exception {
    quietCrawl(dir.resolve("in/quiet.warc.gz"));
    // a file that is neither a crawl nor a document is accounted for, not handed on silently
    byte[] noise = new byte[4096];
    new java.util.Random(11).nextBytes(noise);
    Files.write(dir.resolve("in/noise.bin"), noise);
    Path out = dir.resolve("out");

    RunSummary summary =
        FramingRunJob.run(
            spark,
            new RunConfig(
                List.of(dir.resolve("in").toString()),
                out.toString(),
                ProcessingSettings.defaults().withLanguages(List.of("en", "de")),
                false));

    assertThat(summary.articlesWritten()).isEqualTo(1);
    assertThat(summary.frameHits()).isZero();
    assertThat(summary.filesByKind())
        .containsEntry("warc", 1L)
        .containsEntry("unsupported", 1L)
        .containsEntry("document", 0L);
    Map<String, Long> counts = duckdbCounts(out, RUN_TABLES);
    assertThat(counts)
        .containsEntry("articles", 1L)
        .containsEntry("frame_hits", 0L)
        .containsEntry("outlet_pairs", 0L)
        .containsEntry("frame_terms", 0L)
        .containsEntry("story_frames", 0L)
        .containsEntry("quarantine", 1L)
        .containsKey("outlet_coverage");
    for (TableSchema t : RUN_TABLES) {
      // Spark infers the schema from the files: an empty folder would fail here
      assertThat(spark.read().parquet(out.resolve(t.name()).toString()).columns())
          .as(t.name())
          .contains(
              t.columnNames().stream().filter(c -> !c.equals("crawl_date")).toArray(String[]::new));
    }
    assertThat(
            spark
                .read()
                .parquet(out.resolve("quarantine").toString())
                .filter("error_class = 'unsupported_file'")
                .count())
        .isEqualTo(1);

    RetagJob.run(
        spark,
        new RetagJob.Config(
            out.toString(),
            ProcessingSettings.defaults().withLanguages(List.of("en", "de")),
            false));
    assertThat(duckdbCounts(out, List.of(Tables.FRAME_HITS))).containsEntry("frame_hits", 0L);
  }

  @Test
  void aQuietNightCompletesAndLeavesRealEmptyTables(@TempDir Path dir) throws Exception {
    LocalDate night = LocalDate.of(2024, 3, 5);
    quietCrawl(dir.resolve("root/" + night + "/quiet.warc.gz"));
    Path out = dir.resolve("out");
    NightlyJob.Result r =
        NightlyJob.run(
            spark,
            new NightlyJob.Config(
                night,
                dir.resolve("root").toString(),
                NightlyJob.DEFAULT_TEMPLATE,
                out.toString(),
                ProcessingSettings.defaults().withLanguages(List.of("en", "de")),
                false,
                false));
    assertThat(r.status()).isEqualTo("succeeded");
    Map<String, Long> counts = duckdbCounts(out, RUN_TABLES);
    assertThat(counts)
        .containsEntry("articles", 1L)
        .containsEntry("frame_hits", 0L)
        .containsEntry("quarantine", 0L);
  }
}

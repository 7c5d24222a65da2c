package org.framelens.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over the WARC zoo in {@code ../shared/warc-zoo} (65 files that real crawlers wrote; see its
 * README) completes, and at least 97% of the distinct URLs of HTTP 200 HTML/PDF responses an
 * independent census ({@link ZooCensus}) finds in those files become articles; every URL that does
 * not has a quarantine row naming its file and an offset. Skipped when the zoo is absent.
 */
class WarcZooIT {
  static final Path ZOO = Path.of("../../shared/warc-zoo");

  @Test
  void aRunOverFilesThatRealCrawlersWroteCompletesAndKeepsTheirPages(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isDirectory(ZOO), "no ../shared/warc-zoo here");
    Map<String, Set<String>> census = ZooCensus.census(ZOO);
    Set<String> urls = new TreeSet<>();
    census.values().forEach(urls::addAll);
    assertThat(urls).hasSizeGreaterThan(300);

    SparkSession spark = SparkTestSession.get();
    Path out = dir.resolve("out");
    RunSummary summary =
        FramingRunJob.run(
            spark,
            new RunConfig(
                List.of(ZOO.toString()),
                out.toString(),
                // the zoo's languages; fewer languages only make detection faster
                ProcessingSettings.defaults().withLanguages(List.of("en", "da", "fr", "de")),
                false));

    assertThat(summary.filesByKind())
        .containsEntry("warc", 59L)
        .containsEntry("arc", 6L)
        // the zoo's README.md and SOURCES.tsv: no crawl, and no document type framelens reads
        .containsEntry("unsupported", 2L);
    Set<String> articleUrls = new HashSet<>();
    for (Row r : spark.read().parquet(out + "/articles").select("url").collectAsList()) {
      articleUrls.add(r.getAs("url"));
    }
    Set<String> lost = new TreeSet<>(urls);
    lost.removeAll(articleUrls);
    double kept = 1.0 - (double) lost.size() / urls.size();
    System.out.printf(
        "warc zoo: %d of %d census URLs became articles (%.2f%%)%n",
        urls.size() - lost.size(), urls.size(), 100 * kept);
    assertThat(kept).isGreaterThanOrEqualTo(0.97);

    var quarantine = spark.read().parquet(out + "/quarantine");
    for (String url : lost) {
      String file =
          census.entrySet().stream()
              .filter(e -> e.getValue().contains(url))
              .findFirst()
              .orElseThrow()
              .getKey();
      assertThat(
              quarantine
                  .filter(col("source_file").endsWith(file).and(col("source_offset").isNotNull()))
                  .count())
          .as("quarantine row for %s in %s", url, file)
          .isPositive();
    }

    // a file broken after its last record: all its 30 pages are kept (some of its URLs are also
    // in corrupted-mid-record, so their article may come from that file)
    Set<String> trailing = census.get("internetarchive__gowarc__corrupted-trailing-bytes.warc.gz");
    assertThat(trailing).hasSize(30);
    assertThat(articleUrls).containsAll(trailing);
  }
}

package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.input.FolderManifest;
import org.framelens.jobs.report.ReportData;
import org.framelens.jobs.report.ReportPage;
import org.framelens.jobs.report.ReportTables;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableDigests;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole sample — the crawl's pages in the original eight languages and the folder's news pages
 * in it, pt, pl, tr, id, fa, zh, ja and ko — laid out by crawl day and processed night by night,
 * gives the same tables as one {@code run} over the same folders, with articles and frame hits in
 * all seventeen languages, and the report names them all.
 */
class SeventeenLanguagesIT {
  static final Set<String> LANGUAGES =
      Set.of(
          "en", "de", "fr", "es", "ru", "uk", "ar", "he", "it", "pt", "pl", "tr", "id", "fa", "zh",
          "ja", "ko");

  final SparkSession spark = SparkTestSession.get();

  /** Copies each folder document into the folder of its crawl day, with that day's manifest. */
  static void addDocumentsByDay(Path root) throws IOException {
    Path docs = TestData.SAMPLES.resolve("documents");
    String csv = Files.readString(docs.resolve(FolderManifest.FILE_NAME), StandardCharsets.UTF_8);
    String header = csv.lines().findFirst().orElseThrow();
    Map<String, FolderManifest.Entry> entries = FolderManifest.parse(csv, "sample manifest");
    Map<LocalDate, List<String>> rowsByDay = new TreeMap<>();
    for (String line : csv.lines().skip(1).toList()) {
      String path = line.substring(0, line.indexOf(','));
      FolderManifest.Entry e = entries.get(path);
      assertThat(e.crawled()).as("crawled time of %s", path).isNotNull();
      LocalDate day = e.crawled().atZone(ZoneOffset.UTC).toLocalDate();
      Path target = root.resolve(day.toString()).resolve(path);
      Files.createDirectories(target.getParent());
      Files.copy(docs.resolve(path), target);
      rowsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(line);
    }
    for (Map.Entry<LocalDate, List<String>> e : rowsByDay.entrySet()) {
      List<String> lines = new ArrayList<>();
      lines.add(header);
      lines.addAll(e.getValue());
      Files.write(
          root.resolve(e.getKey().toString()).resolve(FolderManifest.FILE_NAME),
          lines,
          StandardCharsets.UTF_8);
    }
  }

  @Test
  void nightsOverPagesInSeventeenLanguagesEqualOneRunAndTheReportNamesEveryLanguage(
      @TempDir Path dir) throws IOException {
    Path root = dir.resolve("crawl");
    NightsEqualOneRunIT.layOutByDay(root);
    addDocumentsByDay(root);
    List<String> days = new ArrayList<>();
    try (var s = Files.list(root)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(days::add);
    }
    Path store = dir.resolve("store");
    NightsEqualOneRunIT nights = new NightsEqualOneRunIT();
    for (String d : days) {
      assertThat(nights.night(LocalDate.parse(d), root, store, null, false).status())
          .isNotEqualTo("failed");
    }
    Path reference = dir.resolve("run");
    List<String> inputs = days.stream().map(d -> root.resolve(d).toString()).toList();
    FramingRunJob.run(
        spark,
        new RunConfig(inputs, reference.toString(), NightsEqualOneRunIT.settings(null), false));

    Map<String, String> fromNights = TableDigests.of(spark, store.toString());
    Map<String, String> fromRun = TableDigests.of(spark, reference.toString());
    for (String table :
        List.of(
            "articles",
            "frame_hits",
            "quarantine",
            "outlet_frames",
            "outlet_pairs",
            "frame_terms",
            "story_frames",
            "story_contrasts",
            "copy_edits",
            "outlet_coverage")) {
      assertThat(fromNights.get(table)).as(table).isEqualTo(fromRun.get(table));
    }
    Set<String> articleLangs = new TreeSet<>();
    for (Row r :
        spark.read().parquet(reference + "/articles").select("lang").distinct().collectAsList()) {
      articleLangs.add(r.getString(0));
    }
    Set<String> hitLangs = new TreeSet<>();
    for (Row r :
        spark.read().parquet(reference + "/frame_hits").select("lang").distinct().collectAsList()) {
      hitLangs.add(r.getString(0));
    }
    assertThat(articleLangs).containsAll(LANGUAGES);
    assertThat(hitLangs).containsAll(LANGUAGES);

    ReportData data = ReportTables.load(spark, reference.toString(), "seventeen languages");
    String html = ReportPage.render(data);
    for (String lang : LANGUAGES) {
      assertThat(html).as("report names %s", lang).containsPattern("Languages.*\\b" + lang + "\\b");
    }
  }
}

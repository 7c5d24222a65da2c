package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableDigests;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * One store, one truth: the sample crawl laid out by crawl day and processed night by night in a
 * shuffled order, with a rerun, a {@code --force}, a lexicon change and a change back, ends as the
 * same tables as one {@code run} over all of it with the final lexicon. The crawl holds a wire copy
 * crawled on 2023-10-19 whose original was crawled on 2023-10-18, and the copy's night comes first.
 */
class NightsEqualOneRunIT {
  static final Path SAMPLE_WARC = TestData.SAMPLES.resolve("crawl/sample-crawl.warc.gz");
  static final LocalDate COPY_NIGHT = LocalDate.parse("2023-10-19");
  static final LocalDate ORIGINAL_NIGHT = LocalDate.parse("2023-10-18");

  final SparkSession spark = SparkTestSession.get();

  /**
   * Splits the sample crawl into one folder per crawl day ({@code root/YYYY-MM-DD/crawl.warc.gz}),
   * copying each record's gzip member byte for byte; the warcinfo record goes with the first day.
   */
  static List<LocalDate> layOutByDay(Path root) throws IOException {
    Map<LocalDate, List<long[]>> ranges = new TreeMap<>();
    List<long[]> pending = new ArrayList<>();
    long[] previous = null;
    LocalDate previousDay = null;
    try (WarcReader reader = new WarcReader(FileChannel.open(SAMPLE_WARC))) {
      for (WarcRecord r : reader) {
        long position = reader.position();
        if (previous != null) {
          previous[1] = position;
        }
        LocalDate day = r.date().atZone(ZoneOffset.UTC).toLocalDate();
        long[] range = {position, -1};
        if (r.type().equals("warcinfo")) {
          pending.add(range);
        } else {
          ranges.computeIfAbsent(day, d -> new ArrayList<>()).add(range);
        }
        previous = range;
        previousDay = day;
      }
    }
    if (previous != null) {
      previous[1] = Files.size(SAMPLE_WARC);
    }
    assertThat(previousDay).isNotNull();
    ranges.values().iterator().next().addAll(0, pending);
    byte[] warc = Files.readAllBytes(SAMPLE_WARC);
    for (Map.Entry<LocalDate, List<long[]>> e : ranges.entrySet()) {
      Path day = Files.createDirectories(root.resolve(e.getKey().toString()));
      try (OutputStream out = Files.newOutputStream(day.resolve("crawl.warc.gz"))) {
        for (long[] range : e.getValue()) {
          out.write(warc, (int) range[0], (int) (range[1] - range[0]));
        }
      }
    }
    return new ArrayList<>(ranges.keySet());
  }

  NightlyJob.Result night(LocalDate date, Path root, Path out, String lexicon, boolean force)
      throws IOException {
    NightlyJob.Result r =
        NightlyJob.run(
            spark,
            new NightlyJob.Config(
                date,
                root.toString(),
                NightlyJob.DEFAULT_TEMPLATE,
                out.toString(),
                settings(lexicon),
                false,
                force));
    System.out.print(r.render());
    return r;
  }

  static ProcessingSettings settings(String lexicon) {
    return ProcessingSettings.defaults()
        .withLexicon(lexicon)
        .withOutlets(TestData.SAMPLES.resolve("outlets.csv").toString());
  }

  @Test
  void nightsInAnyOrderWithRerunsAndLexiconChangesEqualOneRunWithTheFinalLexicon(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("crawl");
    List<LocalDate> days = layOutByDay(root);
    assertThat(days).contains(ORIGINAL_NIGHT, COPY_NIGHT).hasSizeGreaterThanOrEqualTo(6);
    // a second lexicon: the bundled one without its last frame's English terms
    Path other = dir.resolve("other.tsv");
    List<String> lines = new ArrayList<>(Lexicon.defaultText().lines().toList());
    lines.removeIf(l -> l.startsWith("hostages\ten\t"));
    Files.write(other, lines);
    String l2 = other.toString();
    Path out = dir.resolve("store");

    // the copy's night before its original's; the lexicon changes after three nights
    List<LocalDate> order = new ArrayList<>(days);
    order.remove(COPY_NIGHT);
    order.remove(ORIGINAL_NIGHT);
    java.util.Collections.shuffle(order, new java.util.Random(15));
    // one night also holds a file cut short, so both stores have quarantine rows to compare
    Path dayFile = root.resolve(order.get(1).toString()).resolve("crawl.warc.gz");
    byte[] whole = Files.readAllBytes(dayFile);
    Files.write(
        dayFile.resolveSibling("cut.warc.gz"),
        java.util.Arrays.copyOf(whole, whole.length * 3 / 5));
    assertThat(night(COPY_NIGHT, root, out, null, false).mode()).isEqualTo("parse");
    assertThat(night(order.get(0), root, out, null, false).mode()).isEqualTo("parse");
    assertThat(night(order.get(1), root, out, null, false).mode()).isEqualTo("parse");
    NightlyJob.Result changed = night(order.get(2), root, out, l2, false);
    assertThat(changed.retaggedDates()).isEqualTo(3);
    NightlyJob.Result original = night(ORIGINAL_NIGHT, root, out, l2, false);
    assertThat(original.mode()).isEqualTo("parse");
    assertThat(night(ORIGINAL_NIGHT, root, out, l2, false).status()).isEqualTo("skipped");
    for (LocalDate d : order.subList(3, order.size() - 1)) {
      night(d, root, out, l2, false);
    }
    assertThat(night(order.get(0), root, out, l2, true).mode()).isEqualTo("parse");
    // back to the bundled lexicon on the last night: every date is retagged
    NightlyJob.Result last = night(order.get(order.size() - 1), root, out, null, false);
    assertThat(last.retaggedDates()).isEqualTo(days.size() - 1);

    Path reference = dir.resolve("run");
    FramingRunJob.run(
        spark,
        new RunConfig(List.of(root.toString()), reference.toString(), settings(null), false));

    Map<String, String> store = TableDigests.of(spark, out.toString());
    Map<String, String> run = TableDigests.of(spark, reference.toString());
    System.out.println("store: " + store + "\nrun:   " + run);
    assertThat(store).containsOnlyKeys(run.keySet());
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
      assertThat(store.get(table)).as(table).isEqualTo(run.get(table)).doesNotContain("absent");
    }
    assertThat(store.get("quarantine")).doesNotStartWith("0 rows");
    // the changed wire copy and the shared stories are found night by night as in the run
    assertThat(store.get("copy_edits")).doesNotStartWith("0 rows");
    assertThat(store.get("story_contrasts")).doesNotStartWith("0 rows");
    // the wire copy crawled a night before its original points at it, as in the run
    List<Row> copies =
        spark
            .read()
            .parquet(out + "/articles")
            .filter("duplicate_of is not null")
            .select("crawl_date", "duplicate_of")
            .collectAsList();
    assertThat(copies).isNotEmpty();
    assertThat(copies)
        .anyMatch(r -> r.<Date>getAs("crawl_date").toLocalDate().equals(COPY_NIGHT))
        .allMatch(r -> !r.<Date>getAs("crawl_date").toLocalDate().isBefore(ORIGINAL_NIGHT));
    // nothing was lost or kept aside
    assertThat(
            Files.exists(out.resolve("_framelens/trash"))
                && Files.list(out.resolve("_framelens/trash")).findAny().isPresent())
        .isFalse();
  }
}

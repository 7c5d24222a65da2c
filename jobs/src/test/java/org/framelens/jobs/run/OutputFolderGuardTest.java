package org.framelens.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.nightly.NightlyJob;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} and {@code nightly} refuse to write into: a folder of someone's files that
 * happens to have a subfolder named like a table, a nightly store (for run), an output whose lease
 * another writer holds.
 */
class OutputFolderGuardTest {
  @TempDir Path tmp;

  static final List<String> INPUTS = List.of(TestData.SAMPLES.resolve("documents").toString());

  Path userFolder() throws IOException {
    Path folder = tmp.resolve("my-project");
    Files.createDirectories(folder.resolve("articles"));
    Files.writeString(folder.resolve("articles/draft.md"), "my own notes on the coverage");
    Files.createDirectories(folder.resolve("quarantine"));
    Files.writeString(folder.resolve("quarantine/list.txt"), "things to look at later");
    return folder;
  }

  void assertUntouched(Path folder) {
    assertThat(folder.resolve("articles/draft.md")).hasContent("my own notes on the coverage");
    assertThat(folder.resolve("quarantine/list.txt")).hasContent("things to look at later");
  }

  @Test
  void aRunIntoAFolderOfOtherFilesWithATableNamedSubfolderIsRefusedAndKeepsItsFiles()
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path folder = userFolder();
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () -> FramingRunJob.run(spark, RunConfig.withDefaults(INPUTS, folder.toString())));
    assertThat(e).hasMessageContaining("not a framelens output").hasMessageContaining("--force");
    assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.USAGE);
    assertUntouched(folder);
  }

  @Test
  void aNightlyRunIntoAFolderOfOtherFilesWithATableNamedSubfolderIsRefusedAndKeepsItsFiles()
      throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path folder = userFolder();
    Path day = tmp.resolve("crawl/2026-11-20");
    Files.createDirectories(day);
    Files.copy(TestData.SAMPLES.resolve("crawl/sample-crawl.warc.gz"), day.resolve("c.warc.gz"));
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                NightlyJob.run(
                    spark,
                    new NightlyJob.Config(
                        LocalDate.parse("2026-11-20"),
                        tmp.resolve("crawl").toString(),
                        NightlyJob.DEFAULT_TEMPLATE,
                        folder.toString(),
                        ProcessingSettings.defaults(),
                        false,
                        false)));
    assertThat(e).hasMessageContaining("not a framelens output");
    assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.USAGE);
    assertUntouched(folder);
  }

  @Test
  void aRunIntoANightlyStoreIsRefusedAndTheStoreIsLeftAsItWas() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path store = tmp.resolve("store");
    Files.createDirectories(store.resolve("_framelens"));
    Files.createDirectories(store.resolve("runs"));
    Files.writeString(store.resolve("runs/part-0.parquet"), "ledger");
    Files.createDirectories(store.resolve("articles/crawl_date=2026-11-20"));
    Files.writeString(store.resolve("articles/crawl_date=2026-11-20/part-0.parquet"), "night");
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () -> FramingRunJob.run(spark, RunConfig.withDefaults(INPUTS, store.toString())));
    assertThat(e).hasMessageContaining("is a nightly store");
    assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.USAGE);
    assertThat(store.resolve("articles/crawl_date=2026-11-20/part-0.parquet")).hasContent("night");
  }

  @Test
  void aRetagOfAFolderThatIsNotAFramelensOutputIsRefusedAndKeepsItsFiles() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path folder = userFolder();
    Files.createDirectories(folder.resolve("frame_hits"));
    Files.writeString(folder.resolve("frame_hits/keep.txt"), "a list of mine");
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                org.framelens.jobs.retag.RetagJob.run(
                    spark,
                    new org.framelens.jobs.retag.RetagJob.Config(
                        folder.toString(), ProcessingSettings.defaults(), false)));
    assertThat(e).hasMessageContaining("not a framelens output");
    assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.USAGE);
    assertThat(folder.resolve("frame_hits/keep.txt")).hasContent("a list of mine");
    assertUntouched(folder);
  }
}

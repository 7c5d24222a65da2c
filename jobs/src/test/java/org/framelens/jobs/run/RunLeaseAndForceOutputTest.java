package org.framelens.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.nightly.WriterLock;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} takes its output's writer lease; {@code --force-output} writes into any folder. */
class RunLeaseAndForceOutputTest {
  @TempDir Path tmp;

  static final List<String> INPUTS = List.of(TestData.SAMPLES.resolve("documents").toString());

  Path userFolder() throws IOException {
    Path folder = tmp.resolve("my-project");
    Files.createDirectories(folder.resolve("articles"));
    Files.writeString(folder.resolve("articles/draft.md"), "my own notes on the coverage");
    return folder;
  }

  @Test
  void aRunIntoAnOutputWhoseLeaseAnotherWriterHoldsStopsWithTheLockHeldCode() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path out = tmp.resolve("held");
    Files.createDirectories(out);
    try (WriterLock held =
        WriterLock.acquire(
            out.toString(),
            "framelens nightly --date 2026-11-20 on another host (process 1)",
            Duration.ofMinutes(10),
            spark.sparkContext().hadoopConfiguration())) {
      IOException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IOException.class,
              () -> FramingRunJob.run(spark, RunConfig.withDefaults(INPUTS, out.toString())));
      assertThat(e).isInstanceOf(WriterLock.HeldException.class);
      assertThat(ExitCodes.of(e)).isEqualTo(ExitCodes.LOCK_HELD);
    }
    assertThat(out.resolve("articles")).doesNotExist();
  }

  @Test
  void forceOutputWritesIntoAFolderOfOtherFilesAnyway() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path folder = userFolder();
    FramingRunJob.run(
        spark,
        new RunConfig(INPUTS, folder.toString(), ProcessingSettings.defaults(), false, true));
    assertThat(folder.resolve("articles/draft.md")).doesNotExist();
    assertThat(folder.resolve("_framelens")).isDirectory();
    // once marked, the folder is a framelens output: the next run needs no --force-output
    FramingRunJob.run(spark, RunConfig.withDefaults(INPUTS, folder.toString()));
  }

  @Test
  void aRunIntoANewOrEmptyFolderNeedsNoForce() throws IOException {
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    org.framelens.jobs.nightly.OutputFolder.checkWritable(
        empty.toString(),
        org.framelens.jobs.nightly.OutputFolder.Writer.RUN,
        false,
        new org.apache.hadoop.conf.Configuration());
    org.framelens.jobs.nightly.OutputFolder.checkWritable(
        tmp.resolve("new").toString(),
        org.framelens.jobs.nightly.OutputFolder.Writer.NIGHTLY,
        false,
        new org.apache.hadoop.conf.Configuration());
  }
}

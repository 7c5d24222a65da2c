package org.framelens.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableDigests;
import org.framelens.jobs.spark.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run replaces its output's tables as one unit: a failure or a crash (SIGKILL, here {@code
 * Runtime.halt} in a child JVM) at any table boundary leaves the previous run's tables readable and
 * unchanged, never new articles beside old hits, and the rerun gives the tables of an uninterrupted
 * run.
 */
class RunPublishesAsOneUnitTest {
  static final Path SAMPLES = TestData.SAMPLES;

  @TempDir static Path tmp;
  static SparkSession spark;

  /** Run A: the documents only. Run B: the crawl and the documents. */
  static Path previous;

  static Map<String, String> previousDigest;
  static Map<String, String> referenceDigest;

  static final List<String> INPUTS_A = List.of(SAMPLES.resolve("documents").toString());
  static final List<String> INPUTS_B =
      List.of(SAMPLES.resolve("crawl").toString(), SAMPLES.resolve("documents").toString());

  static RunConfig config(List<String> inputs, Path out) {
    return new RunConfig(
        inputs,
        out.toString(),
        ProcessingSettings.defaults().withOutlets(SAMPLES.resolve("outlets.csv").toString()),
        false);
  }

  @BeforeAll
  static void previousAndReferenceOutputs() throws IOException {
    spark = SparkTestSession.get();
    previous = tmp.resolve("previous");
    FramingRunJob.run(spark, config(INPUTS_A, previous));
    previousDigest = TableDigests.of(spark, previous.toString());
    Path reference = tmp.resolve("reference");
    FramingRunJob.run(spark, config(INPUTS_B, reference));
    referenceDigest = TableDigests.of(spark, reference.toString());
    assertThat(referenceDigest).isNotEqualTo(previousDigest);
  }

  static Path copyOfPrevious(String name) throws IOException {
    Path copy = tmp.resolve(name);
    FileUtils.copyDirectory(previous.toFile(), copy.toFile());
    return copy;
  }

  static volatile boolean failLateTable;

  /** Hadoop's local file system, failing every create of a file of outlet_frames when armed. */
  public static final class LateTableFaultFileSystem extends RawLocalFileSystem {
    private static void check(org.apache.hadoop.fs.Path f) throws IOException {
      if (failLateTable && f.toString().contains("/outlet_frames/")) {
        throw new IOException("injected fault: cannot create " + f);
      }
    }

    @Override
    public FSDataOutputStream create(
        org.apache.hadoop.fs.Path f,
        FsPermission permission,
        boolean overwrite,
        int bufferSize,
        short replication,
        long blockSize,
        Progressable progress)
        throws IOException {
      check(f);
      return super.create(f, permission, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public FSDataOutputStream create(
        org.apache.hadoop.fs.Path f,
        boolean overwrite,
        int bufferSize,
        short replication,
        long blockSize,
        Progressable progress)
        throws IOException {
      check(f);
      return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }
  }

  @Test
  void aRunWhoseLateTableFailsToWriteLeavesThePreviousTablesAsTheyWere() throws IOException {
    Path out = copyOfPrevious("fault");
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set("fs.file.impl", LateTableFaultFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try {
      failLateTable = true;
      assertThatThrownBy(() -> FramingRunJob.run(spark, config(INPUTS_B, out)))
          .hasStackTraceContaining("injected fault");
    } finally {
      failLateTable = false;
      conf.unset("fs.file.impl");
      conf.unset("fs.file.impl.disable.cache");
    }
    assertThat(digest(out)).isEqualTo(previousDigest);
    FramingRunJob.run(spark, config(INPUTS_B, out));
    assertThat(digest(out)).isEqualTo(referenceDigest);
  }

  @ParameterizedTest
  @ValueSource(strings = {"staged:articles", "staged:comparisons", "journal"})
  void aRunKilledBeforeItsTablesArePublishedLeavesThePreviousTablesAndTheRerunEqualsAFullRun(
      String point) throws Exception {
    Path out = copyOfPrevious("killed-" + point.replace(':', '-'));
    String log = runChildHaltingAt(point, out);
    assertThat(log).contains("halting at " + point).doesNotContain("RUN COMPLETED");
    if (point.equals("journal")) {
      // the journal exists: the publish is decided, and the next writer finishes it
      assertThatThrownBy(() -> digest(out)).hasMessageContaining("unfinished publish");
    } else {
      assertThat(digest(out)).isEqualTo(previousDigest);
    }
    FramingRunJob.run(spark, config(INPUTS_B, out));
    assertThat(digest(out)).isEqualTo(referenceDigest);
  }

  @Test
  void aRunKilledBetweenTheRenamesOfItsPublishIsReadByNoReaderUntilTheNextRunFinishesIt()
      throws Exception {
    Path out = copyOfPrevious("killed-published-0");
    String log = runChildHaltingAt("published:0", out);
    assertThat(log).contains("halting at published:0");
    // articles are new and the other tables old: a reader must not take this for an output
    assertThatThrownBy(() -> digest(out)).hasMessageContaining("unfinished publish");
    FramingRunJob.run(spark, config(INPUTS_B, out));
    assertThat(digest(out)).isEqualTo(referenceDigest);
  }

  /** What {@code framelens digest} prints: it refuses an output with an unfinished publish. */
  static Map<String, String> digest(Path out) throws IOException {
    org.framelens.jobs.nightly.OutputFolder.checkReadable(
        out.toString(), spark.sparkContext().hadoopConfiguration());
    return TableDigests.of(spark, out.toString());
  }

  /** Runs B into {@code out} in a child JVM told to halt at {@code point}; returns its output. */
  static String runChildHaltingAt(String point, Path out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dframelens.test.haltAt=" + point);
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xmx1g");
    // the module openings Spark needs, as this test JVM was given them
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(RunChild.class.getName());
    cmd.addAll(INPUTS_B);
    cmd.add(out.toString());
    Path log = tmp.resolve("child-" + point.replace(':', '-') + ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the child run ended").isTrue();
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}

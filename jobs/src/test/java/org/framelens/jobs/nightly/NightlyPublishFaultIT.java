package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.spark.SparkTestSession;
import org.framelens.jobs.spark.TableDigests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real night's publish (Spark-written tables, the run row, the articles of another date whose
 * near-duplicate marks the night changes) with a fault injected at its k-th mutating file-system
 * call outside the staging area, then a plain rerun: the store must equal the reference store
 * whatever k was, so no previously published row is lost. {@link OutputCommitFaultTest} covers
 * every k of a publish and of a recovery on a synthetic store; this covers the first calls, the
 * last ones and points in between of a real one.
 */
class NightlyPublishFaultIT {
  static final AtomicInteger CALLS = new AtomicInteger();
  static volatile int failAt = -1;

  /**
   * The local file system, counting the mutating calls of publication and recovery: those that
   * touch anything outside {@code _framelens/staging} (where Spark writes the night's files) and
   * the writer lease (renewed on a timer).
   */
  public static final class PublishFaultFileSystem extends RawLocalFileSystem {
    private static void tick(String op, org.apache.hadoop.fs.Path... paths) throws IOException {
      boolean publication = false;
      for (org.apache.hadoop.fs.Path p : paths) {
        String s = p.toUri().getPath();
        if (s.contains("/_framelens/lock")) {
          return;
        }
        publication |= !s.contains("/_framelens/staging/");
      }
      if (!publication) {
        return;
      }
      int n = CALLS.incrementAndGet();
      if (n == failAt) {
        throw new IOException("injected fault at publish call " + n + ": " + op + " " + paths[0]);
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
      tick("create", f);
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
      tick("create", f);
      return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
    }

    @Override
    public boolean rename(org.apache.hadoop.fs.Path src, org.apache.hadoop.fs.Path dst)
        throws IOException {
      tick("rename", src, dst);
      return super.rename(src, dst);
    }

    @Override
    public boolean delete(org.apache.hadoop.fs.Path p, boolean recursive) throws IOException {
      tick("delete", p);
      return super.delete(p, recursive);
    }

    @Override
    public boolean mkdirs(org.apache.hadoop.fs.Path f, FsPermission permission) throws IOException {
      tick("mkdirs", f);
      return super.mkdirs(f, permission);
    }
  }

  final SparkSession spark = SparkTestSession.get();

  NightlyJob.Result night(java.time.LocalDate date, Path root, Path out) throws IOException {
    return NightlyJob.run(
        spark,
        new NightlyJob.Config(
            date,
            root.toString(),
            NightlyJob.DEFAULT_TEMPLATE,
            out.toString(),
            NightsEqualOneRunIT.settings(null),
            false,
            false));
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void aNightWhosePublishFailsAtAnyStepEndsAsTheReferenceAfterARerun(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("crawl");
    NightsEqualOneRunIT.layOutByDay(root);
    // night B holds a wire copy of night A's article: its publish republishes A's articles too
    var nightA = NightsEqualOneRunIT.ORIGINAL_NIGHT;
    var nightB = NightsEqualOneRunIT.COPY_NIGHT;
    Path base = dir.resolve("base");
    night(nightA, root, base);
    Path reference = dir.resolve("reference");
    copyTree(base, reference);
    night(nightB, root, reference);
    Map<String, String> expected = TableDigests.of(spark, reference.toString());
    Map<String, String> before = TableDigests.of(spark, base.toString());
    assertThat(expected).isNotEqualTo(before);

    Configuration conf = spark.sparkContext().hadoopConfiguration();
    conf.set("fs.file.impl", PublishFaultFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    try {
      Path probe = dir.resolve("probe");
      copyTree(base, probe);
      CALLS.set(0);
      failAt = -1;
      night(nightB, root, probe);
      int calls = CALLS.get();
      assertThat(calls).isGreaterThan(10);
      assertThat(TableDigests.of(spark, probe.toString())).isEqualTo(expected);

      TreeSet<Integer> ks =
          new TreeSet<>(List.of(1, 2, 3, calls / 3, calls / 2, 2 * calls / 3, calls - 1, calls));
      for (int k : ks) {
        Path out = dir.resolve("k" + k);
        copyTree(base, out);
        CALLS.set(0);
        failAt = k;
        Throwable failed = catchThrowable(() -> night(nightB, root, out));
        failAt = -1;
        assertThat(failed).as("fault at publish call %d of %d", k, calls).isNotNull();
        NightlyJob.Result rerun = night(nightB, root, out);
        assertThat(rerun.status()).isIn("succeeded", "skipped");
        assertThat(TableDigests.of(spark, out.toString()))
            .as("store after a fault at publish call %d of %d and a rerun", k, calls)
            .isEqualTo(expected);
        Path trash = out.resolve("_framelens/trash");
        if (Files.exists(trash)) {
          try (Stream<Path> left = Files.list(trash)) {
            assertThat(left).as("moved-aside folders left after k=%d", k).isEmpty();
          }
        }
      }
    } finally {
      failAt = -1;
      conf.unset("fs.file.impl");
      conf.unset("fs.file.impl.disable.cache");
      FileSystem.closeAll();
    }
  }
}

package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication under injected faults: a local file system that throws at the k-th mutating call
 * (create, rename, delete, mkdirs), for every k of a publish and of its recovery. After the failed
 * attempt, what a nightly run does on failure ({@link OutputCommit#abandon}) and the next run's
 * {@link OutputCommit#recover}, the store holds either exactly the old tables (failure before the
 * journal) or exactly the new ones, never a mix and never a lost folder.
 */
class OutputCommitFaultTest {
  static final AtomicInteger CALLS = new AtomicInteger();
  static volatile int failAt = -1;

  /**
   * Hadoop's local file system with one injected failure at mutating call number {@link #failAt}.
   */
  public static final class FaultyLocalFileSystem extends RawLocalFileSystem {
    private static void tick(String op, org.apache.hadoop.fs.Path p) throws IOException {
      int n = CALLS.incrementAndGet();
      if (n == failAt) {
        throw new IOException("injected fault at mutating call " + n + ": " + op + " " + p);
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
      tick("rename", src);
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

    @Override
    public boolean mkdirs(org.apache.hadoop.fs.Path f) throws IOException {
      tick("mkdirs", f);
      return super.mkdirs(f);
    }
  }

  static final Map<String, String> OLD =
      Map.of(
          "articles/crawl_date=2026-11-20/part-0.parquet", "articles of night 1, first parse",
          "frame_hits/part-0.parquet", "hits of every night, lexicon 1",
          "runs/part-0.parquet", "run row 1");
  static final Map<String, String> NEW =
      Map.of(
          "articles/crawl_date=2026-11-20/part-0.parquet", "articles of night 1, second parse",
          "articles/crawl_date=2026-11-21/part-0.parquet", "articles of night 2",
          "frame_hits/part-0.parquet", "hits of every night, lexicon 2",
          "runs/part-0.parquet", "run row 1",
          "runs/part-1.parquet", "run row 2");

  @TempDir Path tmp;

  @AfterEach
  void noFault() {
    failAt = -1;
  }

  static Configuration faultyConf() {
    Configuration conf = new Configuration(false);
    conf.set("fs.file.impl", FaultyLocalFileSystem.class.getName());
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }

  /** The old store, and a run that staged the new content of each folder it replaces. */
  OutputCommit prepare(Path out) throws IOException {
    failAt = -1;
    write(out, OLD);
    OutputCommit commit = new OutputCommit(out.toString(), "run-2", faultyConf());
    stage(commit, "articles/crawl_date=2026-11-20", "articles of night 1, second parse");
    stage(commit, "articles/crawl_date=2026-11-21", "articles of night 2");
    stage(commit, "frame_hits", "hits of every night, lexicon 2");
    commit.replace("articles/crawl_date=2026-11-20");
    commit.replace("articles/crawl_date=2026-11-21");
    commit.replace("frame_hits");
    // The run row goes out as one more file of the runs folder, as NightlyJob stages it.
    Path row = Path.of(commit.staging("run-row")).resolve("part-1.parquet");
    Files.createDirectories(row.getParent());
    Files.writeString(row, "run row 2");
    commit.replaceWith("run-row/part-1.parquet", "runs/part-1.parquet");
    return commit;
  }

  static void stage(OutputCommit commit, String relative, String content) throws IOException {
    Path dir = Path.of(commit.staging(relative));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("part-0.parquet"), content);
  }

  static void write(Path out, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = out.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue());
    }
  }

  /** Every table file of the store (hidden _framelens folder excluded), with its content. */
  static Map<String, String> tables(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        String rel = out.relativize(p).toString().replace('\\', '/');
        if (!rel.startsWith(OutputCommit.META + "/")) {
          files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  /** How many mutating calls a clean publish makes. */
  int callsOfCleanPublish() throws IOException {
    OutputCommit commit = prepare(tmp.resolve("clean"));
    CALLS.set(0);
    commit.commit();
    assertThat(tables(tmp.resolve("clean"))).isEqualTo(new TreeMap<>(NEW));
    return CALLS.get();
  }

  @Test
  void aPublishThatFailsAtAnyStepLeavesTheOldOrTheNewTablesAfterRecoveryNeverAMix()
      throws IOException {
    int steps = callsOfCleanPublish();
    assertThat(steps).isGreaterThan(8);
    for (int k = 1; k <= steps; k++) {
      Path out = tmp.resolve("k" + k);
      OutputCommit commit = prepare(out);
      assertThat(publishFailingAt(commit, k)).as("fault %d of %d was hit", k, steps).isTrue();
      boolean journaled = commit.journaled();
      boolean discarded = commit.abandon(); // what the nightly job does when publishing fails
      assertThat(discarded)
          .as("staging kept after the journal (fault %d)", k)
          .isEqualTo(!journaled);

      OutputCommit.recover(out.toString(), faultyConf());

      assertThat(tables(out))
          .as("store after a fault at mutating call %d of %d and recovery", k, steps)
          .isEqualTo(new TreeMap<>(journaled ? NEW : OLD));
      assertThat(out.resolve(OutputCommit.META + "/staging")).doesNotExist();
      assertThat(out.resolve(OutputCommit.META + "/trash/run-2")).doesNotExist();
    }
  }

  @Test
  void aRecoveryThatFailsAtAnyStepIsFinishedByTheNextRecovery() throws IOException {
    int publishSteps = callsOfCleanPublish();
    int cases = 0;
    // every publish that died after its journal, then every failure point of its recovery
    for (int k = 1; k <= publishSteps; k++) {
      Path probe = tmp.resolve("p" + k);
      OutputCommit crashed = prepare(probe);
      publishFailingAt(crashed, k);
      if (!crashed.journaled()) {
        continue;
      }
      CALLS.set(0);
      OutputCommit.recover(probe.toString(), faultyConf());
      int recoverySteps = CALLS.get();
      assertThat(tables(probe)).isEqualTo(new TreeMap<>(NEW));

      for (int j = 1; j <= recoverySteps; j++) {
        Path out = tmp.resolve("p" + k + "r" + j);
        publishFailingAt(prepare(out), k);
        CALLS.set(0);
        failAt = j;
        try {
          OutputCommit.recover(out.toString(), faultyConf());
        } catch (IOException injected) {
          // the next run tries again
        }
        failAt = -1;
        OutputCommit.recover(out.toString(), faultyConf());
        assertThat(tables(out))
            .as("publish failed at call %d, its recovery at call %d, then a second recovery", k, j)
            .isEqualTo(new TreeMap<>(NEW));
        assertThat(out.resolve(OutputCommit.META + "/commits/run-2.journal")).doesNotExist();
        cases++;
      }
    }
    assertThat(cases).isGreaterThan(10);
  }

  /** Publishes with one injected failure at mutating call {@code k}; true when it failed. */
  static boolean publishFailingAt(OutputCommit commit, int k) {
    CALLS.set(0);
    failAt = k;
    try {
      commit.commit();
      return false;
    } catch (IOException injected) {
      return true; // a crash or an error: nothing else of the publish runs
    } finally {
      failAt = -1;
    }
  }
}

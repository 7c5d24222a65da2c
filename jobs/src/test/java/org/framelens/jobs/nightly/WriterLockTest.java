package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.framelens.jobs.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterLockTest {
  @TempDir Path out;
  final Configuration conf = new Configuration();

  Path lockFile() {
    return out.resolve("_framelens/lock");
  }

  @Test
  void aSecondWriterOnTheSameOutputStopsWithAMessageNamingTheFirst() throws IOException {
    try (WriterLock first =
        WriterLock.acquire(
            out.toString(), "nightly 2026-11-20 on host-a", Duration.ofMinutes(10), conf)) {
      assertThat(lockFile()).exists();
      assertThatThrownBy(
              () ->
                  WriterLock.acquire(
                      out.toString(), "nightly 2026-11-21 on host-b", Duration.ofMinutes(10), conf))
          .isInstanceOf(WriterLock.HeldException.class)
          .hasMessageContaining("nightly 2026-11-20 on host-a")
          .hasMessageContaining("_framelens/lock");
      assertThat(Files.readString(lockFile())).contains("host-a");
    }
    assertThat(lockFile()).as("released on close").doesNotExist();
  }

  @Test
  void theLockHeldExceptionMapsToItsOwnExitCode() throws IOException {
    try (WriterLock first = WriterLock.acquire(out.toString(), "a", Duration.ofMinutes(10), conf)) {
      try {
        WriterLock.acquire(out.toString(), "b", Duration.ofMinutes(10), conf).close();
      } catch (WriterLock.HeldException held) {
        assertThat(ExitCodes.of(held)).isEqualTo(ExitCodes.LOCK_HELD).isEqualTo(4);
        return;
      }
    }
    throw new AssertionError("the second acquire did not fail");
  }

  @Test
  void aLeaseNotRenewedBeforeItsExpiryIsTakenOver() throws IOException {
    Files.createDirectories(lockFile().getParent());
    Files.writeString(lockFile(), "nightly killed with SIGKILL\n");
    Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(3600)));
    try (WriterLock taken =
        WriterLock.acquire(
            out.toString(), "nightly after the crash", Duration.ofMinutes(10), conf)) {
      assertThat(Files.readString(lockFile())).contains("nightly after the crash");
    }
    assertThat(lockFile()).doesNotExist();
  }

  @Test
  void aLiveWriterRenewsItsLeaseSoItIsNotTakenOver() throws Exception {
    Duration expiry = Duration.ofMillis(800);
    try (WriterLock first = WriterLock.acquire(out.toString(), "long night", expiry, conf)) {
      Files.setLastModifiedTime(lockFile(), FileTime.from(Instant.now().minusSeconds(3600)));
      // The renewer touches the lease every expiry/4; wait until it has done so at least once.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (Files.getLastModifiedTime(lockFile())
              .toInstant()
              .isBefore(Instant.now().minusSeconds(60))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThatThrownBy(
              () -> WriterLock.acquire(out.toString(), "second", Duration.ofMinutes(10), conf))
          .isInstanceOf(WriterLock.HeldException.class);
    }
  }

  @Test
  void closingALeaseThatWasTakenOverLeavesTheNewOwnersLease() throws IOException {
    WriterLock old = WriterLock.acquire(out.toString(), "old owner", Duration.ofMinutes(10), conf);
    // the lease expired and another framelens process took it over (it writes through Hadoop too)
    org.apache.hadoop.fs.Path lock = WriterLock.lockPath(out.toString());
    try (var w = lock.getFileSystem(conf).create(lock, true)) {
      w.write("new owner\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    old.close();
    assertThat(Files.readString(lockFile())).isEqualTo("new owner\n");
  }

  @Test
  void aLeaseOfAKilledProcessOnThisHostIsTakenOverAtOnce() throws Exception {
    Process child = new ProcessBuilder("sleep", "60").start();
    String owner =
        WriterLock.ownerOf("nightly 2026-11-20")
            .replaceAll("process \\d+", "process " + child.pid());
    WriterLock killed = WriterLock.acquire(out.toString(), owner, Duration.ofMinutes(10), conf);
    assertThatThrownBy(() -> WriterLock.acquire(out.toString(), "b", Duration.ofMinutes(10), conf))
        .as("the holder's process is alive")
        .isInstanceOf(WriterLock.HeldException.class);
    child.destroyForcibly().waitFor();
    try (WriterLock next =
        WriterLock.acquire(
            out.toString(), WriterLock.ownerOf("nightly rerun"), Duration.ofMinutes(10), conf)) {
      assertThat(Files.readString(lockFile())).contains("nightly rerun");
    }
    killed
        .close(); // the dead writer's renewer thread in this test JVM; its lease is not its own now
  }
}

package org.framelens.jobs.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.hadoop.conf.Configuration;

/**
 * A child JVM of {@link WriterLockAcrossProcessesTest}. For each round r: waits for the file {@code
 * start-r}, tries once to take the lease of the output {@code out-r}, prints {@code r WON} or
 * {@code r HELD}, and holds a won lease until the file {@code done-r} appears.
 */
public final class LeaseContender {
  private LeaseContender() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Configuration conf = new Configuration();
    // load the classes the acquire uses before the race, so every contender is ready together
    WriterLock.lockPath(dir.toString()).getFileSystem(conf);
    System.out.println("READY");
    System.out.flush();
    for (int r = 0; r < rounds; r++) {
      Path start = dir.resolve("start-" + r);
      Path done = dir.resolve("done-" + r);
      while (!Files.exists(start)) {
        Thread.onSpinWait();
      }
      String output = dir.resolve("out-" + r).toString();
      try (WriterLock lock =
          WriterLock.acquire(
              output, WriterLock.ownerOf("contender"), Duration.ofMinutes(10), conf)) {
        System.out.println(r + " WON");
        System.out.flush();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(done) && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
      } catch (WriterLock.HeldException e) {
        System.out.println(r + " HELD");
        System.out.flush();
      }
    }
  }
}

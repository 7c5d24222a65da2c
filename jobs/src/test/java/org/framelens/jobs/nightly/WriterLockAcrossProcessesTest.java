package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lease on a local output holds across processes: four JVMs, and rounds in which a start file
 * releases all four at once onto a fresh output's lease; in every round exactly one wins.
 */
class WriterLockAcrossProcessesTest {
  static final int ROUNDS = 40;
  static final int JVMS = 4;

  @TempDir Path tmp;

  @Test
  void ofFourProcessesAcquiringTheSameLeaseAtOnceExactlyOneWinsInEveryRound() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    List<Process> procs = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    for (int j = 0; j < JVMS; j++) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  cp,
                  LeaseContender.class.getName(),
                  tmp.toString(),
                  Integer.toString(ROUNDS))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      procs.add(p);
      outs.add(
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
    try {
      for (BufferedReader r : outs) {
        assertThat(next(r)).isEqualTo("READY");
      }
      List<Integer> winnersPerRound = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        Files.createFile(tmp.resolve("start-" + round));
        int won = 0;
        int held = 0;
        for (BufferedReader r : outs) {
          String verdict = next(r);
          if ((round + " WON").equals(verdict)) {
            won++;
          } else if ((round + " HELD").equals(verdict)) {
            held++;
          }
        }
        Files.createFile(tmp.resolve("done-" + round));
        assertThat(won + held).as("round %d: every contender answered", round).isEqualTo(JVMS);
        winnersPerRound.add(won);
      }
      assertThat(winnersPerRound).as("winners per round").containsOnly(1);
    } finally {
      for (Process p : procs) {
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** The contender's next protocol line (log lines a library prints are skipped). */
  static String next(BufferedReader r) throws IOException {
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.equals("READY") || line.endsWith(" WON") || line.endsWith(" HELD")) {
        return line;
      }
    }
    return null;
  }
}

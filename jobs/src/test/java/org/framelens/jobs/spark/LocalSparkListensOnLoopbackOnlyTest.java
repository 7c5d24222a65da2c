package org.framelens.jobs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A local run opens no port on the network: the command line's session binds the driver's RPC
 * endpoint and block manager to loopback. Checked in a child JVM (a fresh session, as the command
 * line starts it) by listing the TCP sockets that process listens on (Linux /proc).
 */
class LocalSparkListensOnLoopbackOnlyTest {
  @Test
  void theLocalSessionOfTheCommandLineListensOnLoopbackOnly() throws Exception {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux /proc");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    cmd.add("-XX:TieredStopAtLevel=1");
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens") || a.startsWith("-Djdk.") || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(LoopbackProbe.class.getName());
    cmd.add("local[1]");
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Map<String, String> said = new HashMap<>();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("READY")) {
          break;
        }
        int eq = line.indexOf('=');
        if (eq > 0) {
          said.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      assertThat(said)
          .containsEntry("bindAddress", "127.0.0.1")
          .containsEntry("host", "127.0.0.1")
          .containsEntry("rpc", "127.0.0.1")
          .containsEntry("blockManager", "127.0.0.1");
      List<String> listening = listeningAddresses(p.pid());
      assertThat(listening).as("TCP sockets the driver listens on").isNotEmpty();
      assertThat(listening).as("TCP sockets the driver listens on").allMatch(a -> loopback(a));
    } finally {
      p.getOutputStream().close();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  /** Local addresses (as /proc/net/tcp{,6} prints them) of the process's listening sockets. */
  static List<String> listeningAddresses(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // a descriptor closed while we list
        }
      }
    }
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path t = Path.of(table);
      if (!Files.isReadable(t)) {
        continue;
      }
      for (String line : Files.readAllLines(t).subList(1, Files.readAllLines(t).size())) {
        String[] f = line.trim().split("\\s+");
        boolean listen = f[3].equals("0A");
        if (listen && inodes.contains(f[9])) {
          addresses.add(f[1]);
        }
      }
    }
    return addresses;
  }

  /** 127.0.0.0/8 (little-endian hex in /proc), ::1, or ::ffff:127.x.x.x. */
  static boolean loopback(String procAddress) {
    String ip = procAddress.substring(0, procAddress.indexOf(':'));
    if (ip.length() == 8) {
      return ip.endsWith("7F");
    }
    return ip.equals("00000000000000000000000001000000")
        || (ip.startsWith("0000000000000000FFFF0000") && ip.endsWith("7F"));
  }
}

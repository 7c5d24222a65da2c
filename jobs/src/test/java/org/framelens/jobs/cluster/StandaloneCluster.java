package org.framelens.jobs.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and some workers, each its own JVM started
 * the way {@code sbin/start-master.sh} and {@code sbin/start-worker.sh} start them (through {@code
 * spark-class}). Every process it starts, and every process those start (executors), ends in {@link
 * #close()}.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");

  /** One JVM of the cluster with the file its stdout and stderr go to. */
  record Node(String name, Process process, Path log) {}

  private final SparkHome home;
  private final Path dir;
  private final int masterPort;
  private final int masterUiPort;
  private final List<Node> nodes = new ArrayList<>();
  private final List<ProcessHandle> everyProcess = new ArrayList<>();
  private final List<ProcessHandle> stopped = new ArrayList<>();

  private StandaloneCluster(SparkHome home, Path dir) throws IOException {
    this.home = home;
    this.dir = dir;
    this.masterPort = freePort();
    this.masterUiPort = freePort();
  }

  /**
   * Starts a master and {@code workers} workers with {@code cores} cores and {@code memory} each,
   * and returns once the master counts them all alive.
   */
  static StandaloneCluster start(
      SparkHome home, Path dir, int workers, int cores, String memory, Duration timeout)
      throws IOException, InterruptedException {
    StandaloneCluster cluster = new StandaloneCluster(home, Files.createDirectories(dir));
    try {
      cluster.startNode(
          "master",
          "org.apache.spark.deploy.master.Master",
          List.of(
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(cluster.masterPort),
              "--webui-port",
              Integer.toString(cluster.masterUiPort)),
          // no REST submission server: it would take the fixed port 6066
          Map.of(
              "SPARK_DAEMON_MEMORY",
              "512m",
              "SPARK_MASTER_OPTS",
              "-Dspark.master.rest.enabled=false"));
      for (int i = 1; i <= workers; i++) {
        Path workDir = Files.createDirectories(cluster.workDir(i));
        cluster.startNode(
            "worker-" + i,
            "org.apache.spark.deploy.worker.Worker",
            List.of(
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--webui-port",
                Integer.toString(freePort()),
                "--cores",
                Integer.toString(cores),
                "--memory",
                memory,
                "--work-dir",
                workDir.toString(),
                cluster.masterUrl()),
            Map.of("SPARK_DAEMON_MEMORY", "512m"));
      }
      cluster.awaitAliveWorkers(workers, timeout);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      System.err.println(cluster.logs());
      cluster.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  Path workDir(int worker) {
    return dir.resolve("work-" + worker);
  }

  List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The master's JSON status page ({@code /json/}), or null when it does not answer. */
  String masterStatus() {
    try {
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + "/json/"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** stderr of every executor the workers ran: {@code <work-dir>/<app-id>/<executor-id>/stderr}. */
  List<Path> executorLogs(int worker) {
    Path work = workDir(worker);
    if (!Files.isDirectory(work)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(work, 3)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of every node's and executor's log, for a failure message. */
  String logs() {
    StringBuilder b = new StringBuilder();
    for (Node node : nodes) {
      b.append(tail("== " + node.name() + " (" + node.log() + ")", node.log(), 80));
    }
    for (int i = 1; ; i++) {
      if (!Files.isDirectory(workDir(i))) {
        break;
      }
      for (Path log : executorLogs(i)) {
        b.append(tail("== executor of worker-" + i + " (" + log + ")", log, 80));
      }
    }
    return b.toString();
  }

  static String tail(String title, Path file, int lines) {
    StringBuilder b = new StringBuilder(title).append('\n');
    try {
      List<String> all = Files.readAllLines(file);
      all.subList(Math.max(0, all.size() - lines), all.size())
          .forEach(l -> b.append("  ").append(l).append('\n'));
    } catch (IOException | UncheckedIOException e) {
      b.append("  (unreadable: ").append(e.getMessage()).append(")\n");
    }
    return b.toString();
  }

  /** Starts {@code mainClass} through spark-class with its output in a log file. */
  Process launch(String mainClass, List<String> args, Map<String, String> env, Path log, Path err)
      throws IOException, InterruptedException {
    List<String> command = home.sparkClassCommand(mainClass, args, env);
    Files.writeString(
        log.resolveSibling(log.getFileName() + ".command"), String.join("\n", command) + "\n");
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    home.configure(pb.environment());
    pb.environment().putAll(env);
    pb.redirectOutput(log.toFile());
    if (err == null) {
      pb.redirectErrorStream(true);
    } else {
      pb.redirectError(err.toFile());
    }
    Process p = pb.start();
    synchronized (everyProcess) {
      everyProcess.add(p.toHandle());
    }
    return p;
  }

  private void startNode(String name, String mainClass, List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    Path log = dir.resolve(name + ".log");
    Process p = launch(mainClass, args, env, log, null);
    nodes.add(new Node(name, p, log));
  }

  private void awaitAliveWorkers(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int alive = -1;
    while (System.nanoTime() < deadline) {
      for (Node node : nodes) {
        if (!node.process().isAlive()) {
          throw new IllegalStateException(
              node.name() + " exited with " + node.process().exitValue() + " while starting");
        }
      }
      String status = masterStatus();
      if (status != null) {
        Matcher m = ALIVE_WORKERS.matcher(status);
        alive = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (alive == expected) {
          return;
        }
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the master counted "
            + alive
            + " alive workers of "
            + expected
            + " after "
            + timeout.toSeconds()
            + " s");
  }

  /** Ends every process started here and their children (executors), gently then forcibly. */
  @Override
  public void close() {
    List<ProcessHandle> handles;
    synchronized (everyProcess) {
      handles = new ArrayList<>(everyProcess);
    }
    // Workers, then the master, then anything they started that is still there.
    List<ProcessHandle> order = new ArrayList<>();
    for (int i = handles.size() - 1; i >= 0; i--) {
      order.add(handles.get(i));
    }
    for (ProcessHandle h : order) {
      h.descendants().forEach(stopped::add);
    }
    stopped.addAll(order);
    for (ProcessHandle h : order) {
      stop(h);
    }
    for (ProcessHandle h : stopped) {
      stop(h);
    }
  }

  /** Processes {@link #close()} stopped that are still alive (none, unless it failed). */
  List<String> survivors() {
    return stopped.stream()
        .filter(ProcessHandle::isAlive)
        .map(h -> h.pid() + " " + h.info().commandLine().orElse("?"))
        .toList();
  }

  private static void stop(ProcessHandle h) {
    if (!h.isAlive()) {
      return;
    }
    h.destroy();
    try {
      h.onExit().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      h.destroyForcibly();
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by the caller's leftover check, if any
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}

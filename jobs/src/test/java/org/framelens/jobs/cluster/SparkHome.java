package org.framelens.jobs.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark installation folder as a cluster node has one, made from the build's Spark jars: {@code
 * jars/} (links to jobs/target/spark-libs), an empty {@code conf/} and {@code local/} for the
 * processes' scratch files ({@code SPARK_LOCAL_DIRS}). Spark's launcher finds its classpath in
 * {@code $SPARK_HOME/jars}; with no build tree there it needs {@code SPARK_SCALA_VERSION}. Commands
 * are built the way {@code bin/spark-class} builds them: by asking {@code
 * org.apache.spark.launcher.Main}, which adds Spark's own JVM options (the --add-opens list for
 * Java 17, the daemon or driver memory) and the classpath.
 */
final class SparkHome {
  static final String SCALA_BINARY_VERSION = "2.13";

  private final Path dir;

  private SparkHome(Path dir) {
    this.dir = dir;
  }

  static SparkHome linkedTo(List<Path> sparkJars, Path dir) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    Files.createDirectories(dir.resolve("conf"));
    Files.createDirectories(dir.resolve("local"));
    for (Path jar : sparkJars) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
    }
    return new SparkHome(dir);
  }

  Path dir() {
    return dir;
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** The environment of every Spark process of the tests: this home, loopback only. */
  void configure(Map<String, String> env) {
    for (String inherited :
        List.of(
            "SPARK_CLASSPATH",
            "SPARK_DIST_CLASSPATH",
            "SPARK_SUBMIT_OPTS",
            "SPARK_DAEMON_JAVA_OPTS",
            "SPARK_MASTER_OPTS",
            "SPARK_WORKER_OPTS",
            "SPARK_EXECUTOR_OPTS",
            "HADOOP_CONF_DIR",
            "YARN_CONF_DIR",
            "SPARK_REMOTE",
            "SPARK_CONNECT_MODE")) {
      env.remove(inherited);
    }
    env.put("SPARK_HOME", dir.toString());
    env.put("SPARK_CONF_DIR", dir.resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", SCALA_BINARY_VERSION);
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // Shuffle files, fetched jars and block manager folders of every process, here not in /tmp.
    env.put("SPARK_LOCAL_DIRS", localDirs().toString());
  }

  Path localDirs() {
    return dir.resolve("local");
  }

  /**
   * The java command line {@code bin/spark-class mainClass args} would run with {@code env} added
   * to the environment (e.g. {@code SPARK_DAEMON_MEMORY}).
   */
  List<String> sparkClassCommand(String mainClass, List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> launcher = new ArrayList<>();
    launcher.add(java().toString());
    launcher.add("-Xmx128m");
    launcher.add("-cp");
    launcher.add(dir.resolve("jars") + "/*");
    launcher.add("org.apache.spark.launcher.Main");
    launcher.add(mainClass);
    launcher.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(launcher);
    configure(pb.environment());
    pb.environment().putAll(env);
    Path err = Files.createTempFile(dir, "launcher", ".err");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("Spark's launcher did not answer in 60 s");
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "Spark's launcher failed for "
              + mainClass
              + " (exit "
              + p.exitValue()
              + "): "
              + Files.readString(err));
    }
    // Main prints any messages, then a line holding only NUL, then the command as NUL-terminated
    // arguments; spark-class echoes the messages and runs the command.
    String printed = new String(out, StandardCharsets.UTF_8);
    int marker = printed.indexOf("\0\n");
    if (marker > 0) {
      System.out.print(printed.substring(0, marker));
    }
    String command = marker >= 0 ? printed.substring(marker + 2) : printed;
    return Arrays.stream(command.split("\0")).filter(s -> !s.isEmpty()).toList();
  }
}

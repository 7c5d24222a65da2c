package org.framelens.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.framelens.common.schema.TableSchema;
import org.framelens.common.schema.Tables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app jar runs on a real Spark standalone cluster: a master and two workers (1 core, 1 GB each)
 * on 127.0.0.1, started from the build's Spark jars; {@code spark-submit} in client mode runs
 * {@code run} over data-samples/ on them, and the tables it writes equal those of the same jar run
 * with {@code local[2]}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RunsOnAStandaloneClusterIT {
  private static final Duration CLUSTER_START = Duration.ofSeconds(90);
  private static final Duration RUN = Duration.ofMinutes(3);

  @TempDir static Path tmp;

  private static BuildOutputs build;
  private static StandaloneCluster cluster;
  private static Submission onCluster;
  private static Submission local;

  /** Prints the cluster's logs when anything fails, before the cluster is stopped. */
  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure();

  /** What one spark-submit did: exit code, stdout (the run summary), stderr (Spark's log). */
  record Submission(String name, int exitCode, Path out, Path err, Path output, double seconds) {
    String stdout() throws IOException {
      return Files.readString(out);
    }

    String describe() {
      return StandaloneCluster.tail("== spark-submit " + name + " stdout", out, 40)
          + StandaloneCluster.tail("== spark-submit " + name + " stderr", err, 120);
    }
  }

  @BeforeAll
  static void runTheSamplesOnAClusterAndLocally() throws Exception {
    build = BuildOutputs.locate();
    String missing = build.missing();
    assumeTrue(missing == null, () -> "RunsOnAStandaloneClusterIT skipped: " + missing);

    long t0 = System.nanoTime();
    SparkHome home = SparkHome.linkedTo(build.sparkJars(), tmp.resolve("spark-home"));
    cluster = StandaloneCluster.start(home, tmp.resolve("cluster"), 2, 1, "1g", CLUSTER_START);
    log("cluster up (master and 2 workers) in %.1f s at %s", secondsSince(t0), cluster.masterUrl());

    onCluster =
        submit(
            "cluster",
            cluster.masterUrl(),
            List.of(
                // wait until both executors are there, so both take part
                "--conf", "spark.scheduler.minRegisteredResourcesRatio=1.0",
                "--conf", "spark.executor.memory=1g",
                "--conf", "spark.cores.max=2"));
    log("run on the cluster: exit %d in %.1f s", onCluster.exitCode(), onCluster.seconds());
    local = submit("local", "local[2]", List.of());
    log("run with local[2]: exit %d in %.1f s", local.exitCode(), local.seconds());
  }

  @AfterAll
  static void stopTheCluster() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.survivors()).as("processes left running").isEmpty();
    }
  }

  @Test
  void sparkSubmitInClientModeRunsTheJobToCompletionOnTheCluster() throws IOException {
    assertThat(onCluster.exitCode()).as(onCluster.describe()).isZero();
    assertThat(onCluster.stdout()).contains("framelens run summary", "articles written");
    String status = cluster.masterStatus();
    assertThat(status)
        .as("master status after the run")
        .contains("\"completedapps\"", "framelens run", "\"state\" : \"FINISHED\"");
  }

  @Test
  void bothWorkersRunTasksOfTheAppJarInExecutorsOfTheirOwn() throws IOException {
    assertThat(onCluster.exitCode()).as(onCluster.describe()).isZero();
    for (int worker = 1; worker <= 2; worker++) {
      List<Path> executors = cluster.executorLogs(worker);
      assertThat(executors).as("executors of worker-%d", worker).hasSize(1);
      String log = Files.readString(executors.get(0));
      assertThat(log)
          .as("executor log of worker-%d", worker)
          .contains("Running task")
          .contains("Fetching spark://")
          .contains(build.appJar().getFileName().toString())
          .doesNotContain("ClassNotFoundException", "NoClassDefFoundError", "NoSuchMethodError");
    }
  }

  @Test
  void theClusterPrintsTheSameSummaryAsALocalRun() throws IOException {
    assertThat(local.exitCode()).as(local.describe()).isZero();
    assertThat(onCluster.exitCode()).as(onCluster.describe()).isZero();
    assertThat(countsOf(onCluster.stdout())).isNotEmpty().isEqualTo(countsOf(local.stdout()));
  }

  @Test
  void theClusterWritesTheSameTablesAsALocalRun() throws Exception {
    assertThat(local.exitCode()).as(local.describe()).isZero();
    assertThat(onCluster.exitCode()).as(onCluster.describe()).isZero();
    List<TableSchema> tables =
        List.of(
            Tables.ARTICLES,
            Tables.FRAME_HITS,
            Tables.OUTLET_FRAMES,
            Tables.OUTLET_PAIRS,
            Tables.FRAME_TERMS,
            Tables.STORY_FRAMES,
            Tables.QUARANTINE,
            Tables.OUTLET_COVERAGE);
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
      for (TableSchema table : tables) {
        String columns = compared(table);
        List<String> fromCluster = rows(duck, onCluster.output(), table.name(), columns);
        List<String> fromLocal = rows(duck, local.output(), table.name(), columns);
        assertThat(fromCluster)
            .as(
                "%s: %d rows on the cluster, %d locally",
                table.name(), fromCluster.size(), fromLocal.size())
            .containsExactlyElementsOf(fromLocal);
        log("%s: %d equal rows", table.name(), fromCluster.size());
      }
      assertThat(rows(duck, onCluster.output(), "articles", "article_id")).isNotEmpty();
      assertThat(rows(duck, onCluster.output(), "frame_hits", "article_id")).isNotEmpty();
      // made by executors from the driver's broadcast groups (a run this small is grouped there)
      assertThat(rows(duck, onCluster.output(), "story_frames", "story_id")).isNotEmpty();
    }
  }

  /**
   * {@code spark-submit --master <master> <app jar> run ...} over data-samples/, as a user types
   * it.
   */
  private static Submission submit(String name, String master, List<String> conf)
      throws IOException, InterruptedException {
    Path output = tmp.resolve("out-" + name);
    Path samples = build.samples();
    List<String> args = new ArrayList<>();
    args.addAll(
        List.of(
            "--master", master,
            "--deploy-mode", "client",
            "--name", "framelens run",
            "--class", "org.framelens.jobs.FramelensCli",
            "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.ui.enabled=false",
            "--conf", "spark.sql.shuffle.partitions=4"));
    args.addAll(conf);
    args.add(build.appJar().toString());
    args.addAll(
        List.of(
            "run",
            "--input",
            samples.resolve("crawl").toString(),
            samples.resolve("documents").toString(),
            "--outlets",
            samples.resolve("outlets.csv").toString(),
            "--output",
            output.toString()));
    log("spark-submit %s", String.join(" ", args));
    Path out = tmp.resolve("submit-" + name + ".out");
    Path err = tmp.resolve("submit-" + name + ".err");
    long t0 = System.nanoTime();
    Process p = cluster.launch("org.apache.spark.deploy.SparkSubmit", args, Map.of(), out, err);
    if (!p.waitFor(RUN.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(
          "spark-submit "
              + name
              + " did not end in "
              + RUN.toSeconds()
              + " s\n"
              + StandaloneCluster.tail("stderr", err, 120));
    }
    return new Submission(name, p.exitValue(), out, err, output, secondsSince(t0));
  }

  /** The summary's counts (records, articles, hits, skipped and quarantined by reason). */
  private static List<String> countsOf(String stdout) {
    List<String> counts = new ArrayList<>();
    boolean inSummary = false;
    for (String line : stdout.split("\n")) {
      if (line.startsWith("framelens run summary")) {
        inSummary = true;
      } else if (inSummary && line.trim().startsWith("seconds")) {
        break;
      } else if (inSummary) {
        counts.add(line.strip().replaceAll("\\s+", " "));
      }
    }
    return counts;
  }

  /** Every declared column of the table, as DuckDB selects it: the article text by its hash. */
  private static String compared(TableSchema table) {
    return table.columnNames().stream()
        .map(c -> c.equals("text") ? "md5(text)" : '"' + c + '"')
        .collect(Collectors.joining(", "));
  }

  private static List<String> rows(Connection duck, Path output, String table, String columns)
      throws SQLException, IOException {
    Path dir = output.resolve(table);
    try (var files = Files.walk(dir)) {
      if (files.noneMatch(p -> p.toString().endsWith(".parquet"))) {
        return List.of();
      }
    }
    String sql =
        "SELECT "
            + columns
            + " FROM read_parquet('"
            + dir
            + "/**/*.parquet', hive_partitioning = true) ORDER BY ALL";
    List<String> rows = new ArrayList<>();
    try (Statement st = duck.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? " | " : "").append(rs.getString(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.out.printf("[cluster-it] " + format + "%n", args);
  }

  static final class PrintLogsOnFailure
      implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable t)
        throws Throwable {
      print();
      throw t;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t)
        throws Throwable {
      print();
      throw t;
    }

    private static void print() {
      if (cluster != null) {
        System.err.println(cluster.logs());
      }
      for (Submission s : new Submission[] {onCluster, local}) {
        if (s != null) {
          System.err.println(s.describe());
        }
      }
    }
  }
}

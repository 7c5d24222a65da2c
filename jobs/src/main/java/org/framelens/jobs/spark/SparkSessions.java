package org.framelens.jobs.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the session for the command line: local[*] unless spark-submit or --master says else. */
public final class SparkSessions {
  private SparkSessions() {}

  static final String LOOPBACK = "127.0.0.1";

  /**
   * Set to {@link #LOOPBACK} in local mode unless the user set them: the driver's bind address
   * covers its RPC endpoint, block manager and web UI; its advertised host must match.
   */
  static final java.util.List<String> LOOPBACK_KEYS =
      java.util.List.of("spark.driver.bindAddress", "spark.driver.host");

  public static SparkSession create(String appName, String master) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(appName)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
            .config("spark.sql.sources.partitionOverwriteMode", "static")
            .config("spark.ui.showConsoleProgress", "false");
    if (master != null) {
      b = b.master(master);
    } else if (!conf.contains("spark.master")) {
      b = b.master("local[*]");
    }
    String effective = master != null ? master : conf.get("spark.master", "local[*]");
    if (effective.startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // 200 shuffle partitions is a cluster default; on one machine it is mostly task overhead.
      b =
          b.config(
              "spark.sql.shuffle.partitions",
              Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
    }
    if (!conf.contains("spark.sql.codegen.cache.maxEntries")) {
      // A run compiles more distinct query fragments than Spark's default cache of 100 keeps, so
      // the next job in the session (a retag, a nightly step) compiled them all again: ~100
      // classes, 3.5-4 s of a 6 s retag in the same session.
      b = b.config("spark.sql.codegen.cache.maxEntries", "1000");
    }
    if (effective.startsWith("local")) {
      // A local run needs no network: the driver's RPC endpoint and block manager (and the UI, if
      // turned on) listen on loopback only, unless the user binds them elsewhere. Spark's own
      // default is the host's address, reachable from the network, without authentication.
      for (String key : LOOPBACK_KEYS) {
        if (!conf.contains(key)) {
          b = b.config(key, LOOPBACK);
        }
      }
    }
    // On a cluster nothing is forced: spark.authenticate and the encryption settings need a
    // secret the executors share and must match the cluster's setup (docs/operations.md).
    // A local run has no web UI unless asked for: Spark's UI binds to all interfaces (0.0.0.0)
    // unless SPARK_LOCAL_IP says else, whatever spark.driver.bindAddress is.
    if (effective.startsWith("local") && !conf.contains("spark.ui.enabled")) {
      b = b.config("spark.ui.enabled", "false");
    }
    return b.getOrCreate();
  }
}

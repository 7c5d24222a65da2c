package org.framelens.jobs.spark;

import org.apache.spark.sql.SparkSession;

/** One local Spark session per test JVM: starting one takes seconds. */
public final class SparkTestSession {
  private SparkTestSession() {}

  private static SparkSession session;

  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("framelens-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .config("spark.driver.host", "127.0.0.1")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}

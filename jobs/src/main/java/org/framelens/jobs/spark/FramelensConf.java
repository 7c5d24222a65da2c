package org.framelens.jobs.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Every {@code spark.framelens.*} tuning key, read one way: a command-line option, where one
 * exists, wins over the Spark configuration ({@code spark-submit --conf}, {@code
 * spark-defaults.conf}), which wins over the default here. These keys tune how the work is done,
 * never what the tables hold.
 */
public final class FramelensConf {
  private FramelensConf() {}

  /** A fixed input split size in bytes instead of the one planned from input size and cores. */
  public static final String SPLIT_BYTES = "spark.framelens.split.bytes";

  /** Articles up to which near-duplicates are marked on the driver (more: in Spark). */
  public static final String NEARDUP_DRIVER_MAX = "spark.framelens.neardup.driver.max";

  public static final long DEFAULT_NEARDUP_DRIVER_MAX = 200_000;

  /** Counted rows up to which the comparison tables are grouped on the driver (0: in Spark). */
  public static final String COMPARISONS_DRIVER_ROWS = "spark.framelens.comparisons.driverRows";

  public static final int DEFAULT_COMPARISONS_DRIVER_ROWS = 100_000;

  /**
   * Seconds between progress lines on the console; the environment variable {@code
   * FRAMELENS_PROGRESS_SECONDS} is read when the Spark configuration does not set it.
   */
  public static final String PROGRESS_SECONDS = "spark.framelens.progress.seconds";

  public static final long DEFAULT_PROGRESS_SECONDS = 30;

  /** The fixed split size, or null to plan it. */
  public static Long splitBytes(SparkSession spark) {
    String v = spark.conf().get(SPLIT_BYTES, null);
    return v == null ? null : Long.parseLong(v.trim());
  }

  public static long nearDuplicatesDriverMax(SparkSession spark) {
    return longValue(spark, NEARDUP_DRIVER_MAX, DEFAULT_NEARDUP_DRIVER_MAX);
  }

  public static int comparisonsDriverRows(SparkSession spark) {
    return (int) longValue(spark, COMPARISONS_DRIVER_ROWS, DEFAULT_COMPARISONS_DRIVER_ROWS);
  }

  public static long progressSeconds(SparkSession spark) {
    String v = spark.conf().get(PROGRESS_SECONDS, System.getenv("FRAMELENS_PROGRESS_SECONDS"));
    try {
      return v == null ? DEFAULT_PROGRESS_SECONDS : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return DEFAULT_PROGRESS_SECONDS;
    }
  }

  private static long longValue(SparkSession spark, String key, long fallback) {
    String v = spark.conf().get(key, null);
    return v == null ? fallback : Long.parseLong(v.trim());
  }
}

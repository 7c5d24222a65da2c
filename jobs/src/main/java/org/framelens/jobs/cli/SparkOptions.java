package org.framelens.jobs.cli;

import picocli.CommandLine.Option;

/** {@code --master}, declared once for every command that starts Spark. */
public final class SparkOptions {
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: local[*], or what spark-submit sets).")
  String master;

  public String master() {
    return master;
  }
}

package org.framelens.jobs.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.spark.SparkSessions;
import org.framelens.jobs.spark.TableDigests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Print each table's row count and content digest (order-independent), to compare two"
          + " outputs: a rerun, or a run recovered after a crash, must print the same lines."
    })
public final class DigestCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
  String output;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = SparkSessions.create("framelens digest", sparkOptions.master());
    try {
      // an output whose publish was interrupted between renames may mix two runs' tables
      org.framelens.jobs.nightly.OutputFolder.checkReadable(
          output, spark.sparkContext().hadoopConfiguration());
      for (Map.Entry<String, String> e : TableDigests.of(spark, output).entrySet()) {
        System.out.println(e.getKey() + ": " + e.getValue());
      }
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }
}

package org.framelens.jobs;

import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = {
      "Print each table's row count and content digest (order-independent), to compare two"
          + " outputs: a rerun, or a run recovered after a crash, must print the same lines."
    })
final class DigestCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output folder.")
  String output;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*]).")
  String master;

  @Override
  public Integer call() throws Exception {
    SparkSession spark = SparkSessions.create("framelens digest", master);
    try {
      for (Map.Entry<String, String> e : TableDigests.of(spark, output).entrySet()) {
        System.out.println(e.getKey() + ": " + e.getValue());
      }
      return FramelensCli.OK;
    } finally {
      spark.stop();
    }
  }
}

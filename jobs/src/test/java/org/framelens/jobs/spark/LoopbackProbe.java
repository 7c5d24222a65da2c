package org.framelens.jobs.spark;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;

/**
 * A child JVM of {@link LocalSparkListensOnLoopbackOnlyTest}: starts the command line's session,
 * prints its bind settings and the driver's RPC and block manager addresses, and keeps the session
 * open until its standard input ends.
 */
public final class LoopbackProbe {
  private LoopbackProbe() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark = SparkSessions.create("loopback probe", args.length > 0 ? args[0] : null);
    // a job, so the executor side (block transfers) is up too
    spark.range(10).count();
    SparkEnv env = SparkEnv.get();
    System.out.println("bindAddress=" + spark.conf().get("spark.driver.bindAddress", ""));
    System.out.println("host=" + spark.conf().get("spark.driver.host", ""));
    System.out.println("rpc=" + env.rpcEnv().address().host());
    System.out.println("blockManager=" + env.blockManager().blockManagerId().host());
    System.out.println("READY");
    System.out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      in.readLine();
    }
    spark.stop();
  }
}

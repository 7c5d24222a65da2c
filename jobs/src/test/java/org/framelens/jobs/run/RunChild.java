package org.framelens.jobs.run;

import java.util.Arrays;
import java.util.List;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.spark.SparkTestSession;

/**
 * A child JVM of {@link RunPublishesAsOneUnitTest}: {@code run} of the inputs (all arguments but
 * the last) into the output (the last), in a JVM the test may stop at a named point with the system
 * property {@code framelens.test.haltAt}.
 */
public final class RunChild {
  private RunChild() {}

  public static void main(String[] args) throws Exception {
    List<String> inputs = Arrays.asList(args).subList(0, args.length - 1);
    String output = args[args.length - 1];
    FramingRunJob.run(
        SparkTestSession.get(),
        new RunConfig(
            inputs,
            output,
            ProcessingSettings.defaults()
                .withOutlets(RunPublishesAsOneUnitTest.SAMPLES.resolve("outlets.csv").toString()),
            false));
    System.out.println("RUN COMPLETED");
    System.exit(0);
  }
}

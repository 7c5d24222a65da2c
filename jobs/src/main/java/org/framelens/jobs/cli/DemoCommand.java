package org.framelens.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.CodeVersion;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run over data-samples/ into ./out/ and print a per-outlet × frame summary.")
public final class DemoCommand implements Callable<Integer> {
  @Option(
      names = "--samples",
      paramLabel = "DIR",
      description = "The data-samples folder (default: ${DEFAULT-VALUE}).")
  String samples = CodeVersion.underHome("data-samples");

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE}).")
  String output = "out";

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws Exception {
    File dir = new File(samples);
    if (!dir.isDirectory()) {
      throw new IllegalArgumentException("no data-samples folder at " + dir.getAbsolutePath());
    }
    RunConfig config =
        new RunConfig(
            List.of(
                new File(dir, "crawl").getAbsolutePath(),
                new File(dir, "documents").getAbsolutePath()),
            new File(output).getAbsolutePath(),
            ProcessingSettings.defaults()
                .withOutlets(new File(dir, "outlets.csv").getAbsolutePath()),
            false);
    SparkSession spark = SparkSessions.create("framelens demo", sparkOptions.master());
    try {
      RunSummary summary = FramingRunJob.run(spark, config);
      System.out.print(summary.render());
      System.out.println();
      System.out.print(outletFrameTable(spark, config.output()));
      System.out.println("\nTables written under " + config.output());
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }

  /** Hits per outlet and frame over the whole run, with articles per outlet. */
  static String outletFrameTable(SparkSession spark, String output) {
    List<Row> rows =
        spark
            .read()
            .parquet(output + "/outlet_frames")
            .filter(col("period_type").equalTo("run"))
            .groupBy("outlet", "frame")
            .agg(
                sum(col("hits")).as("hits"),
                sum(col("articles")).as("articles"),
                sum(col("articles_with_frame")).as("with_frame"))
            .collectAsList();
    Map<String, Map<String, Long>> hits = new TreeMap<>();
    Map<String, Long> articles = new TreeMap<>();
    List<String> frames = new ArrayList<>();
    for (Row r : rows) {
      String outlet = r.getAs("outlet");
      String frame = r.getAs("frame");
      hits.computeIfAbsent(outlet, o -> new TreeMap<>()).put(frame, r.<Long>getAs("hits"));
      articles.put(outlet, r.<Long>getAs("articles")); // same for every frame of an outlet
      if (!frames.contains(frame)) {
        frames.add(frame);
      }
    }
    frames.sort(String::compareTo);
    StringBuilder b =
        new StringBuilder("Frame hits per outlet, whole run (each original article once)\n");
    b.append(String.format(Locale.ROOT, "%-24s %5s", "outlet", "arts"));
    for (String f : frames) {
      b.append(String.format(Locale.ROOT, " %9s", abbreviate(f)));
    }
    b.append('\n');
    for (var e : hits.entrySet()) {
      b.append(
          String.format(
              Locale.ROOT, "%-24s %5d", abbreviate24(e.getKey()), articles.get(e.getKey())));
      for (String f : frames) {
        b.append(String.format(Locale.ROOT, " %9d", e.getValue().getOrDefault(f, 0L)));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String abbreviate(String frame) {
    return frame.length() <= 9 ? frame : frame.substring(0, 9);
  }

  private static String abbreviate24(String s) {
    return s.length() <= 24 ? s : s.substring(0, 23) + "…";
  }
}

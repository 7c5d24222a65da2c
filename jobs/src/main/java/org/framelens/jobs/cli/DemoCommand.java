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
      System.out.println();
      System.out.print(storyContrastLines(spark, config.output(), 8));
      System.out.println();
      System.out.print(wireEditLines(spark, config.output()));
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

  /**
   * The run's story-conditioned contrasts between pairs of outlets with the most shared stories:
   * odds ratio with its interval, and the raw difference split into selection and framing.
   */
  static String storyContrastLines(SparkSession spark, String output, int n) {
    List<Row> rows =
        spark
            .read()
            .parquet(output + "/story_contrasts")
            .filter(
                col("period_type")
                    .equalTo("run")
                    .and(col("or_mh").isNotNull())
                    .and(col("outlet_b").notEqual("(all others)")))
            .orderBy(col("stories_shared").desc(), col("frame"), col("outlet_a"), col("outlet_b"))
            .limit(n)
            .collectAsList();
    StringBuilder b =
        new StringBuilder(
            "Same stories, different framing (story_contrasts, whole run; Mantel-Haenszel odds"
                + " ratio by story, 95% interval; share difference = selection + framing)\n");
    if (rows.isEmpty()) {
      b.append("  no pair of outlets shares a story with an odds ratio\n");
    }
    for (Row r : rows) {
      b.append(
          String.format(
              Locale.ROOT,
              "  %-13s %s vs %s: %d shared stories, OR %.2f [%.2f, %.2f]; difference %+.2f ="
                  + " selection %+.2f + framing %+.2f%n",
              r.<String>getAs("frame"),
              r.<String>getAs("outlet_a"),
              r.<String>getAs("outlet_b"),
              r.<Long>getAs("stories_shared"),
              r.<Double>getAs("or_mh"),
              r.<Double>getAs("or_mh_ci_low"),
              r.<Double>getAs("or_mh_ci_high"),
              r.<Double>getAs("share_difference"),
              r.<Double>getAs("selection_part"),
              r.<Double>getAs("framing_part")));
    }
    return b.toString();
  }

  /** The terms outlets changed in wire copy (copy_edits). */
  static String wireEditLines(SparkSession spark, String output) {
    List<Row> rows =
        spark
            .read()
            .parquet(output + "/copy_edits")
            .filter(col("row_kind").equalTo("edit"))
            .orderBy("outlet_copy", "article_id_copy", "section", "edit_kind", "term_original")
            .collectAsList();
    StringBuilder b =
        new StringBuilder(
            "Wire copy edits (copy_edits: near-duplicate copies against the earliest copy)\n");
    if (rows.isEmpty()) {
      b.append("  no copy changed a lexicon term of its original\n");
    }
    for (Row r : rows) {
      String original =
          r.isNullAt(r.fieldIndex("term_original"))
              ? "-"
              : r.getAs("term_original") + " (" + r.getAs("frame_original") + ")";
      String copy =
          r.isNullAt(r.fieldIndex("term_copy"))
              ? "-"
              : r.getAs("term_copy") + " (" + r.getAs("frame_copy") + ")";
      b.append(
          String.format(
              Locale.ROOT,
              "  %s copying %s: %s %s -> %s%n",
              r.<String>getAs("outlet_copy"),
              r.<String>getAs("outlet_original"),
              r.<String>getAs("edit_kind"),
              original,
              copy));
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

package org.framelens.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.schema.Tables;
import org.framelens.common.validate.CodingPage;
import org.framelens.common.validate.CodingSheet;
import org.framelens.common.validate.SheetItem;
import org.framelens.jobs.spark.SparkSessions;
import org.framelens.jobs.validate.ValidationSample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {
      "Draw a seeded, stratified random sample of a run's frame hits (per language × frame, and"
          + " per outlet with --by-outlet) and of paragraphs without hits (per language), and"
          + " write it as a coding sheet (CSV) plus an offline HTML coding page beside it"
          + " (SHEET.html).",
      "Exit codes: 0 written, 1 failed, 2 bad usage (e.g. no framelens output at --output)."
    })
public final class ValidateSampleCommand implements Callable<Integer> {
  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "The output folder of a run (articles and frame_hits are read from here).")
  String output;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "SHEET.csv",
      description = "Where to write the coding sheet (a local file); the page goes beside it.")
  Path to;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the random sample: the same seed and data give the same sample"
              + " (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--per-cell",
      paramLabel = "N",
      description =
          "Items per stratum: hits per language × frame (× outlet), paragraphs without"
              + " hits per language (× outlet) (default: ${DEFAULT-VALUE}).")
  int perCell = 30;

  @Option(
      names = "--frames",
      split = ",",
      paramLabel = "FRAME",
      description = "Only these frames (comma-separated; default: all).")
  List<String> frames = new ArrayList<>();

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODE",
      description = "Only these languages (default: every language with frame hits).")
  List<String> languages = new ArrayList<>();

  @Option(names = "--by-outlet", description = "Strata per outlet too.")
  boolean byOutlet;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    if (perCell < 1) {
      throw new IllegalArgumentException("--per-cell must be at least 1");
    }
    SparkSession spark = SparkSessions.create("framelens validate sample", sparkOptions.master());
    try {
      for (String t : List.of(Tables.ARTICLES.name(), Tables.FRAME_HITS.name())) {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(output, t);
        FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(p)) {
          throw new IllegalArgumentException(
              "no " + t + " table under " + output + " (is it a framelens output folder?)");
        }
      }
      List<SheetItem> items =
          ValidationSample.draw(
              spark, output, seed, perCell, Set.copyOf(frames), Set.copyOf(languages), byOutlet);
      Set<String> allFrames = frames(spark, items);
      write(items, allFrames);
      Map<String, Integer> cells = new LinkedHashMap<>();
      for (SheetItem i : items) {
        cells.merge(
            i.kind() + " " + i.lang() + (i.isHit() ? " " + i.frame() : ""), 1, Integer::sum);
      }
      System.out.printf(
          "%d items (seed %d, at most %d per cell) written to %s and %s%n",
          items.size(), seed, perCell, to, htmlPath());
      cells.forEach((k, v) -> System.out.printf("  %-40s %d%n", k, v));
      return ExitCodes.OK;
    } finally {
      spark.stop();
    }
  }

  /** The frames coders can tick: the lexicon's frames as the run recorded them in outlet_frames. */
  private Set<String> frames(SparkSession spark, List<SheetItem> items) throws IOException {
    Set<String> out = new TreeSet<>();
    org.apache.hadoop.fs.Path p =
        new org.apache.hadoop.fs.Path(output, Tables.OUTLET_FRAMES.name());
    if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
      for (Row r :
          spark.read().parquet(p.toString()).select(col("frame")).distinct().collectAsList()) {
        out.add(r.getAs("frame"));
      }
    }
    items.stream().filter(SheetItem::isHit).forEach(i -> out.add(i.frame()));
    if (!frames.isEmpty()) {
      out.retainAll(frames);
      out.addAll(frames);
    }
    return out;
  }

  private Path htmlPath() {
    String name = to.getFileName().toString();
    String base =
        name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
            ? name.substring(0, name.length() - 4)
            : name;
    return to.resolveSibling(base + ".html");
  }

  private void write(List<SheetItem> items, Set<String> allFrames) throws IOException {
    Path abs = to.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Files.writeString(to, CodingSheet.toCsv(items), StandardCharsets.UTF_8);
    Files.writeString(
        htmlPath(),
        CodingPage.render(items, allFrames, to.getFileName().toString()),
        StandardCharsets.UTF_8);
  }
}

package org.framelens.jobs.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.validate.CodingSheet;
import org.framelens.common.validate.Scoring;
import org.framelens.common.validate.ValidationFigure;
import org.framelens.jobs.spark.SparkSessions;
import org.framelens.jobs.validate.ValidationTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score coders' sheets of the same items: precision per language, frame × language and term"
          + " with a 95%% Wilson interval (unsure left out), the miss rate from the paragraphs"
          + " without hits, Krippendorff's alpha (nominal) between coders, and flags below the"
          + " precision threshold. Prints the figures; with --to also writes them as the"
          + " lexicon_validation table there.",
      "Exit codes: 0 scored, 1 failed, 2 bad usage or an invalid sheet (every bad row named)."
    })
public final class ValidateScoreCommand implements Callable<Integer> {
  @Option(
      names = "--sheet",
      required = true,
      paramLabel = "SHEET.csv",
      description = "A coder's filled sheet (repeat for several coders).")
  List<Path> sheets = new ArrayList<>();

  @Option(
      names = "--to",
      paramLabel = "DIR",
      description = "Write the figures as DIR/lexicon_validation (usually the run's output).")
  String to;

  @Option(
      names = "--threshold",
      paramLabel = "P",
      description =
          "Flag languages, frames and terms with precision below P (default:"
              + " ${DEFAULT-VALUE}).")
  double threshold = Scoring.DEFAULT_THRESHOLD;

  @Mixin SparkOptions sparkOptions;

  @Override
  public Integer call() throws IOException {
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("--threshold must be between 0 and 1");
    }
    List<Scoring.Sheet> read = new ArrayList<>();
    for (Path p : sheets) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no sheet at " + p);
      }
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
        String name = p.getFileName().toString();
        read.add(new Scoring.Sheet(name, CodingSheet.read(r, name)));
      }
    }
    List<ValidationFigure> figures = Scoring.score(read, threshold);
    System.out.print(Scoring.render(figures));
    long flagged = figures.stream().filter(ValidationFigure::belowThreshold).count();
    System.out.printf(
        "%d of %d rows below the precision threshold %.2f (marked <)%n",
        flagged, figures.size(), threshold);
    if (to != null) {
      SparkSession spark = SparkSessions.create("framelens validate score", sparkOptions.master());
      try {
        List<String> names = sheets.stream().map(p -> p.getFileName().toString()).toList();
        String target = ValidationTable.write(spark, figures, String.join(",", names), to);
        System.out.println("Figures written to " + target);
      } finally {
        spark.stop();
      }
    }
    return ExitCodes.OK;
  }
}

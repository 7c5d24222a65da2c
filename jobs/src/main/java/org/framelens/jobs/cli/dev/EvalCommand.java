package org.framelens.jobs.cli.dev;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.framelens.common.eval.EvalPages;
import org.framelens.common.eval.ExtractionEvaluation;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.spark.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Quality measurements on the public evaluation sets of ../shared/eval.",
    subcommands = {EvalCommand.Extraction.class})
public final class EvalCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return ExitCodes.USAGE;
  }

  @Command(
      name = "extraction",
      mixinStandardHelpOptions = true,
      description = {
        "Scores the HTML main-content extractor on the Zyte (181 pages) and trafilatura (990 pages)"
            + " benchmarks: Zyte shingle P/R/F1, trafilatura segment P/R/F, published-date and"
            + " title accuracy against the trafilatura expectations, and the mean time per page"
            + " against Tika's plain body-text extraction of the same pages (1 thread, warm)."
      })
  static final class Extraction implements Callable<Integer> {
    @Option(
        names = "--eval",
        paramLabel = "DIR",
        description = "Evaluation data folder (default: ${DEFAULT-VALUE}).")
    String eval = CodeVersion.underHome("../shared/eval");

    @Option(names = "--no-timing", description = "Skip the timing against Tika.")
    boolean noTiming;

    @Override
    public Integer call() throws Exception {
      Path dir = EvalPages.locate(Path.of(eval));
      if (dir == null) {
        throw new IllegalArgumentException(
            "no evaluation data at " + Path.of(eval).toAbsolutePath());
      }
      ExtractionEvaluation.Report report = new ExtractionEvaluation().run(dir, !noTiming);
      System.out.print(report.format());
      return ExitCodes.OK;
    }
  }
}

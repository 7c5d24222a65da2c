package org.framelens.jobs.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code validate}: the human validation of the lexicon (sample, then score). */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Validate the lexicon against human coding: draw a coding sample from a run's output"
          + " (sample), then score the coders' sheets (score). See README, \"Validating the"
          + " lexicon\"."
    },
    subcommands = {ValidateSampleCommand.class, ValidateScoreCommand.class})
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return ExitCodes.USAGE;
  }
}

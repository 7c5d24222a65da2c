package org.framelens.jobs;

import java.util.concurrent.Callable;
import org.framelens.jobs.cli.DemoCommand;
import org.framelens.jobs.cli.DigestCommand;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.cli.NightlyCommand;
import org.framelens.jobs.cli.ReportCommand;
import org.framelens.jobs.cli.RetagCommand;
import org.framelens.jobs.cli.RunCommand;
import org.framelens.jobs.cli.dev.BenchCommand;
import org.framelens.jobs.cli.dev.EvalCommand;
import org.framelens.jobs.cli.dev.SamplesCommand;
import org.framelens.jobs.cli.dev.SchemaDocsCommand;
import org.framelens.jobs.spark.CodeVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Exit codes: 0 the run completed (quarantined records included), 1 the run
 * failed, 2 bad usage or configuration (unknown option, missing input, invalid lexicon), 3 no input
 * for the night yet ({@code nightly}), 4 another nightly run holds the output's writer lease.
 */
@Command(
    name = "framelens",
    mixinStandardHelpOptions = true,
    versionProvider = FramelensCli.Version.class,
    description = "How do different outlets, in different languages, frame the same events?",
    subcommands = {
      RunCommand.class,
      NightlyCommand.class,
      DigestCommand.class,
      DemoCommand.class,
      BenchCommand.class,
      SamplesCommand.class,
      RetagCommand.class,
      ReportCommand.class,
      EvalCommand.class,
      org.framelens.jobs.cli.ValidateCommand.class,
      org.framelens.jobs.cli.LexiconCommand.class,
      SchemaDocsCommand.class
    })
public final class FramelensCli implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return ExitCodes.USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with its exception handler: codes from {@link ExitCodes#of}. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FramelensCli());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = ExitCodes.of(ex);
          if (code != ExitCodes.RUN_FAILED) {
            commandLine.getErr().println("framelens: " + ex.getMessage());
            return code;
          }
          commandLine.getErr().println("framelens: run failed: " + ex);
          ex.printStackTrace(commandLine.getErr());
          return code;
        });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {CodeVersion.get()};
    }
  }
}

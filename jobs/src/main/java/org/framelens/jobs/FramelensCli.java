package org.framelens.jobs;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;
import java.util.concurrent.Callable;
import org.framelens.common.lexicon.InvalidLexiconException;
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
      org.framelens.jobs.validate.ValidateCommand.class,
      org.framelens.jobs.validate.LexiconCommand.class,
      SchemaDocsCommand.class
    })
public final class FramelensCli implements Callable<Integer> {
  public static final int OK = 0;
  public static final int RUN_FAILED = 1;
  public static final int USAGE = 2;

  /** Another writer holds the output's lease (a nightly run is still going on). */
  public static final int LOCK_HELD = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return USAGE;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * A path under the framelens folder: {@code FRAMELENS_HOME} (set by {@code bin/framelens}), else
   * the current folder.
   */
  static String underHome(String relative) {
    String home = System.getenv("FRAMELENS_HOME");
    return new java.io.File(home == null ? "." : home, relative).getPath();
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new FramelensCli());
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code = exitCode(ex);
          if (code != RUN_FAILED) {
            commandLine.getErr().println("framelens: " + ex.getMessage());
            return code;
          }
          commandLine.getErr().println("framelens: run failed: " + ex);
          ex.printStackTrace(commandLine.getErr());
          return code;
        });
    return cl;
  }

  /**
   * The exit code for an exception that ended a command: {@link #USAGE} when the configuration is
   * at fault (a bad option value, an invalid lexicon or outlet registry), so a scheduler does not
   * retry what only an edit fixes; {@link #RUN_FAILED} otherwise.
   */
  static int exitCode(Throwable ex) {
    if (ex instanceof WriterLock.HeldException) {
      return LOCK_HELD;
    }
    // Only the exception the command itself threw: an IllegalArgumentException wrapped inside a
    // failed Spark job is a failure of the run, not of the user's configuration.
    return ex instanceof IllegalArgumentException || ex instanceof InvalidLexiconException
        ? USAGE
        : RUN_FAILED;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {codeVersion()};
    }
  }

  private static String codeVersion;

  /**
   * The version and a digest of the jar the code runs from, so a rebuilt jar counts as new code
   * (nightly re-parses a date when the code changed); "dev" digest when running from classes.
   */
  static synchronized String codeVersion() {
    if (codeVersion == null) {
      String v = FramelensCli.class.getPackage().getImplementationVersion();
      String digest = "dev";
      try {
        java.net.URL where = FramelensCli.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path p = java.nio.file.Path.of(where.toURI());
        if (java.nio.file.Files.isRegularFile(p)) {
          digest = MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString().substring(0, 12);
        }
      } catch (Exception e) {
        digest = "unknown";
      }
      codeVersion = "framelens " + (v == null ? "dev" : v) + " " + digest;
    }
    return codeVersion;
  }
}

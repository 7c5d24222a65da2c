package org.framelens.jobs.cli;

import org.framelens.common.lexicon.InvalidLexiconException;
import org.framelens.jobs.nightly.NightlyJob;
import org.framelens.jobs.nightly.OutputRefusedException;
import org.framelens.jobs.nightly.WriterLock;

/**
 * The process exit codes, and the one place that maps the exception that ended a command to its
 * code. A scheduler reads them: 1 is worth a retry, 2 needs an edit, 3 a later retry, 4 waiting for
 * the other writer.
 */
public final class ExitCodes {
  private ExitCodes() {}

  /** The command completed (quarantined records included). */
  public static final int OK = 0;

  /** The run failed: worth a retry. */
  public static final int RUN_FAILED = 1;

  /**
   * Bad usage or configuration (unknown option, missing input, invalid lexicon or registry, an
   * output folder that must not be written: not a framelens output, a nightly store given to run, a
   * commit journal pointing outside the store).
   */
  public static final int USAGE = 2;

  /** {@code nightly}: the date's input is not there (yet). */
  public static final int NO_INPUT = 3;

  /** Another writer holds the output's lease (a nightly run is still going on). */
  public static final int LOCK_HELD = 4;

  /**
   * The exit code for the exception a command threw. Only that exception is looked at: an {@link
   * IllegalArgumentException} wrapped inside a failed Spark job is a failure of the run, not of the
   * user's configuration.
   */
  public static int of(Throwable ex) {
    if (ex instanceof WriterLock.HeldException) {
      return LOCK_HELD;
    }
    if (ex instanceof NightlyJob.NoInputException) {
      return NO_INPUT;
    }
    return ex instanceof IllegalArgumentException
            || ex instanceof InvalidLexiconException
            || ex instanceof OutputRefusedException
        ? USAGE
        : RUN_FAILED;
  }
}

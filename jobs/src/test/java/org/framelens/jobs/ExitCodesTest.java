package org.framelens.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.framelens.common.lexicon.InvalidLexiconException;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.jobs.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
  @Command(name = "fails")
  static final class Fails implements Callable<Integer> {
    final Exception toThrow;

    Fails(Exception toThrow) {
      this.toThrow = toThrow;
    }

    @Override
    public Integer call() throws Exception {
      throw toThrow;
    }
  }

  /** Runs a command that throws, through the CLI's exception handler; returns (exit code, err). */
  static Object[] runThrowing(Exception e) {
    CommandLine cl = new CommandLine(new Fails(e));
    cl.setExecutionExceptionHandler(FramelensCli.commandLine().getExecutionExceptionHandler());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    return new Object[] {cl.execute(), err.toString()};
  }

  @Test
  void anInvalidLexiconExitsWithTheConfigurationCodeAndNamesEveryProblem() {
    InvalidLexiconException invalid = null;
    try {
      Lexicon.parse("frame\tlang\tterm\nterrorism\tzz\tterror group\nterrorism\ten\t\n", "my.tsv");
    } catch (InvalidLexiconException e) {
      invalid = e;
    }
    assertThat(invalid).isNotNull();
    Object[] result = runThrowing(invalid);
    assertThat(result[0]).isEqualTo(ExitCodes.USAGE);
    assertThat((String) result[1]).contains("my.tsv").contains("line 2").contains("line 3");
  }

  @Test
  void aBadOptionValueExitsWithTheConfigurationCode() {
    assertThat(runThrowing(new IllegalArgumentException("no input at /nowhere"))[0])
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void anIoFailureOrAWrappedArgumentErrorExitsWithTheRunFailedCode() {
    assertThat(runThrowing(new IOException("disk full"))[0]).isEqualTo(ExitCodes.RUN_FAILED);
    assertThat(
            runThrowing(new RuntimeException("job aborted", new IllegalArgumentException("x")))[0])
        .isEqualTo(ExitCodes.RUN_FAILED);
  }

  @Test
  void aNightWithoutItsInputYetExitsWithTheTryLaterCode() {
    Object[] result =
        runThrowing(
            new org.framelens.jobs.nightly.NightlyJob.NoInputException("/crawl/2026-12-04"));
    assertThat(result[0]).isEqualTo(ExitCodes.NO_INPUT).isEqualTo(3);
    assertThat((String) result[1]).contains("/crawl/2026-12-04").doesNotContain("Exception");
  }

  @Test
  void aHeldWriterLockExitsWithItsOwnCode() {
    assertThat(
            runThrowing(
                new org.framelens.jobs.nightly.WriterLock.HeldException(
                    "out is locked by nightly on host x until 12:00"))[0])
        .isEqualTo(ExitCodes.LOCK_HELD)
        .isEqualTo(4);
  }
}

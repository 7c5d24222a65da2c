package org.framelens.jobs.nightly;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a nightly run does, decided from the runs ledger and the night's facts alone (no Spark, no
 * file system), so every sequence of nights, reruns and lexicon changes can be checked in a unit
 * test.
 *
 * <p>The store holds one lexicon and one set of table-wide settings at a time: those of its latest
 * successful run (a lexicon change retags every date). A night may therefore be skipped only when
 * its own date is up to date <em>and</em> the store is published with the lexicon and settings
 * asked for tonight; otherwise asking again for an older lexicon would leave the store on the newer
 * one.
 */
public final class NightPlanner {
  private NightPlanner() {}

  /** One successful run of the ledger. */
  record LedgerRun(
      String runId,
      LocalDate date,
      String inputsDigest,
      String codeVersion,
      String configDigest,
      String lexiconVersion) {}

  /** What tonight's run is asked to publish. */
  record Night(
      LocalDate date,
      String inputsDigest,
      String codeVersion,
      String configDigest,
      String lexiconVersion,
      boolean force) {}

  enum Mode {
    /** Nothing changed: the store already holds what was asked for. */
    SKIP,
    /** The date's inputs, code and settings are unchanged: tag its stored text again. */
    RETAG,
    /** Read and parse the date's input. */
    PARSE;

    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The decision.
   *
   * @param mode what happens to the night's date
   * @param retagOtherDates the store's other dates are tagged again (the lexicon changed)
   * @param reason one sentence for the summary and the runs ledger
   */
  record Plan(Mode mode, boolean retagOtherDates, String reason) {}

  /**
   * @param succeeded the ledger's successful runs, latest first
   */
  static Plan plan(List<LedgerRun> succeeded, Night night) {
    LedgerRun published = succeeded.isEmpty() ? null : succeeded.get(0);
    LedgerRun lastOfDate =
        succeeded.stream().filter(r -> r.date().equals(night.date())).findFirst().orElse(null);
    boolean lexiconChanged =
        published != null && !Objects.equals(published.lexiconVersion(), night.lexiconVersion());
    boolean settingsChanged =
        published != null && !Objects.equals(published.configDigest(), night.configDigest());
    boolean dateUnchanged =
        lastOfDate != null
            && Objects.equals(lastOfDate.inputsDigest(), night.inputsDigest())
            && Objects.equals(lastOfDate.codeVersion(), night.codeVersion())
            && Objects.equals(lastOfDate.configDigest(), night.configDigest());
    if (night.force()) {
      return new Plan(Mode.PARSE, lexiconChanged, "--force: the date is parsed again");
    }
    if (lastOfDate == null) {
      return new Plan(Mode.PARSE, lexiconChanged, "first run of this date");
    }
    if (!dateUnchanged) {
      return new Plan(
          Mode.PARSE,
          lexiconChanged,
          "inputs, code or settings changed since run " + lastOfDate.runId());
    }
    // Every run that changes the lexicon retags all dates, so every date's hits are on the
    // published lexicon: the date's own last run may show an older one.
    if (!lexiconChanged && !settingsChanged) {
      return new Plan(
          Mode.SKIP,
          false,
          "inputs, lexicon, code and settings unchanged since run " + lastOfDate.runId());
    }
    String why =
        lexiconChanged
            ? "the store is published with lexicon "
                + published.lexiconVersion()
                + " (run "
                + published.runId()
                + "), tonight's is "
                + night.lexiconVersion()
            : "the store's tables were last published with other settings (run "
                + published.runId()
                + ")";
    return new Plan(Mode.RETAG, lexiconChanged, why);
  }
}

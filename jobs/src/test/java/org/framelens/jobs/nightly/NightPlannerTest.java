package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.framelens.jobs.nightly.NightPlanner.LedgerRun;
import org.framelens.jobs.nightly.NightPlanner.Mode;
import org.framelens.jobs.nightly.NightPlanner.Night;
import org.framelens.jobs.nightly.NightPlanner.Plan;
import org.junit.jupiter.api.Test;

/**
 * Sequences of nights replayed against the planner: each planned run that is not skipped becomes
 * the ledger's latest successful run, as the nightly job records it.
 */
class NightPlannerTest {
  static final LocalDate D1 = LocalDate.parse("2026-11-20");
  static final LocalDate D2 = LocalDate.parse("2026-11-21");

  final List<LedgerRun> ledger = new ArrayList<>(); // latest first

  Plan night(LocalDate date, String inputs, String lexicon, String config, boolean force) {
    Night n = new Night(date, inputs, "code-1", config, lexicon, force);
    Plan p = NightPlanner.plan(List.copyOf(ledger), n);
    if (p.mode() != Mode.SKIP) {
      ledger.add(0, new LedgerRun("run-" + ledger.size(), date, inputs, "code-1", config, lexicon));
    }
    return p;
  }

  Plan night(LocalDate date, String lexicon) {
    return night(date, "inputs-" + date, lexicon, "settings-A", false);
  }

  @Test
  void theFirstNightOfADateIsParsed() {
    assertThat(night(D1, "L1").mode()).isEqualTo(Mode.PARSE);
    assertThat(night(D2, "L1").mode()).isEqualTo(Mode.PARSE);
  }

  @Test
  void aRerunWithNothingChangedIsSkipped() {
    night(D1, "L1");
    Plan again = night(D1, "L1");
    assertThat(again.mode()).isEqualTo(Mode.SKIP);
    assertThat(again.reason()).contains("run-0");
  }

  @Test
  void askingAgainForTheOlderLexiconAfterAnotherNightRetaggedTheStoreRetagsItBack() {
    assertThat(night(D1, "L1").mode()).isEqualTo(Mode.PARSE);
    Plan d2 = night(D2, "L2");
    assertThat(d2.mode()).isEqualTo(Mode.PARSE);
    assertThat(d2.retagOtherDates()).as("D2 with L2 retags D1 to L2").isTrue();

    Plan d1Again = night(D1, "L1");
    assertThat(d1Again.mode())
        .as("the store is on L2; D1's own last run was on L1, which must not mean skip")
        .isEqualTo(Mode.RETAG);
    assertThat(d1Again.retagOtherDates()).isTrue();
    assertThat(d1Again.reason()).contains("L2").contains("L1");

    assertThat(night(D1, "L1").mode()).as("now the store is on L1").isEqualTo(Mode.SKIP);
    assertThat(night(D2, "L1").mode())
        .as("D2 was retagged to L1 by the run before: nothing left to do")
        .isEqualTo(Mode.SKIP);
  }

  @Test
  void aChangedLexiconRetagsTheDateAndEveryOtherDate() {
    night(D1, "L1");
    night(D2, "L1");
    Plan p = night(D1, "L2");
    assertThat(p.mode()).isEqualTo(Mode.RETAG);
    assertThat(p.retagOtherDates()).isTrue();
    assertThat(night(D1, "L2").mode()).isEqualTo(Mode.SKIP);
  }

  @Test
  void newInputsForADateAreParsed() {
    night(D1, "L1");
    Plan p = night(D1, "more-inputs", "L1", "settings-A", false);
    assertThat(p.mode()).isEqualTo(Mode.PARSE);
    assertThat(p.retagOtherDates()).isFalse();
  }

  @Test
  void forceParsesEvenWhenNothingChanged() {
    night(D1, "L1");
    assertThat(night(D1, "inputs-" + D1, "L1", "settings-A", true).mode()).isEqualTo(Mode.PARSE);
  }

  @Test
  void aSettingChangedOnAnotherNightPreventsASkip() {
    night(D1, "inputs-" + D1, "L1", "copies-excluded", false);
    night(D2, "inputs-" + D2, "L1", "copies-included", false);
    Plan p = night(D1, "inputs-" + D1, "L1", "copies-excluded", false);
    assertThat(p.mode())
        .as("the comparison tables were last made with copies included")
        .isEqualTo(Mode.RETAG);
    assertThat(p.retagOtherDates()).isFalse();
    assertThat(night(D1, "inputs-" + D1, "L1", "copies-excluded", false).mode())
        .isEqualTo(Mode.SKIP);
  }
}

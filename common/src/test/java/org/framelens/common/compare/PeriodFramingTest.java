package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.framelens.common.stats.FramingStats;
import org.junit.jupiter.api.Test;

class PeriodFramingTest {
  private static final List<String> FRAMES = List.of("terrorism", "resistance", "humanitarian");

  /** Two days of two outlets, added as the day cells of a week. */
  private static PeriodFraming week() {
    PeriodFraming p = new PeriodFraming(FRAMES);
    p.addArticles("b-outlet", 4, 2000, 1);
    p.addArticles("a-outlet", 3, 1000, 0);
    p.addArticles("a-outlet", 2, 500, 2); // a second day
    p.addFrame("a-outlet", "terrorism", 2, 5, 4, 1);
    p.addFrame("a-outlet", "terrorism", 1, 3, 0, 3); // second day
    p.addFrame("b-outlet", "resistance", 3, 6, 6, 0);
    p.addFrame("b-outlet", "not-in-the-lexicon", 1, 9, 9, 0);
    return p;
  }

  @Test
  void everyOutletGetsARowPerFrameWithTheDaysSummed() {
    List<PeriodFraming.FrameRow> rows = week().frameRows(Map.of(), 0);
    assertThat(rows)
        .extracting(r -> r.outlet() + "/" + r.frame())
        .containsExactly(
            "a-outlet/terrorism",
            "a-outlet/resistance",
            "a-outlet/humanitarian",
            "b-outlet/terrorism",
            "b-outlet/resistance",
            "b-outlet/humanitarian");
    PeriodFraming.FrameRow a = rows.get(0);
    assertThat(a.articles()).isEqualTo(5);
    assertThat(a.articlesWithFrame()).isEqualTo(3);
    assertThat(a.hits()).isEqualTo(8);
    assertThat(a.hitsOwn()).isEqualTo(4);
    assertThat(a.hitsQuoted()).isEqualTo(4);
    assertThat(a.tokens()).isEqualTo(1500);
    assertThat(a.articlesDatedByCrawl()).isEqualTo(2);
    assertThat(a.share()).isEqualTo(3.0 / 5);
    assertThat(new double[] {a.shareCiLow(), a.shareCiHigh()})
        .containsExactly(FramingStats.wilson95(3, 5));
    assertThat(a.ratePer10kTokens()).isCloseTo(8 * 10000.0 / 1500, within(1e-9));
    PeriodFraming.FrameRow zero = rows.get(2);
    assertThat(zero.hits()).isZero();
    assertThat(zero.share()).isZero();
    assertThat(zero.ratePer10kTokens()).isZero();
  }

  @Test
  void logOddsCompareTheOutletWithAllOtherOutletsOfThePeriodUnderTheRunPrior() {
    // run prior: terrorism 20 of 50 hits, resistance 30; humanitarian has no hits in the run
    List<PeriodFraming.FrameRow> rows =
        week().frameRows(Map.of("terrorism", 20L, "resistance", 30L), 50);
    // a-outlet: 8 of its 8 hits are terrorism; all others (b-outlet): 0 of 6
    assertThat(rows.get(0).logOddsZ()).isEqualTo(FramingStats.logOddsZ(8, 8, 0, 6, 20, 50));
    assertThat(rows.get(4).logOddsZ()).isEqualTo(FramingStats.logOddsZ(6, 6, 0, 8, 30, 50));
    assertThat(rows.get(0).logOddsZ()).isPositive();
    assertThat(rows.get(3).logOddsZ()).isNegative();
    assertThat(rows.get(2).logOddsZ()).isNull();
  }

  @Test
  void hitsOfAnOutletWithoutArticlesInThePeriodAreNotReported() {
    PeriodFraming p = new PeriodFraming(FRAMES);
    p.addArticles("a-outlet", 1, 100, 0);
    p.addFrame("ghost", "terrorism", 1, 1, 1, 0);
    assertThat(p.frameRows(Map.of("terrorism", 1L), 1))
        .allMatch(r -> r.outlet().equals("a-outlet"));
    assertThat(p.pairRows().hasNext()).isFalse();
  }

  @Test
  void pairsListEveryTwoOutletsWithHitsOnceWithTheirDistance() {
    PeriodFraming p = week();
    p.addArticles("c-outlet", 1, 10, 0);
    p.addArticles("d-outlet", 2, 10, 0);
    p.addFrame("d-outlet", "terrorism", 1, 2, 2, 0);
    p.addFrame("d-outlet", "resistance", 1, 2, 0, 2);
    List<PeriodFraming.PairRow> pairs = new ArrayList<>();
    Iterator<PeriodFraming.PairRow> it = p.pairRows();
    it.forEachRemaining(pairs::add);
    // c-outlet has articles but no hits: no frame mix to compare, no pairs
    assertThat(pairs)
        .extracting(r -> r.outletA() + "|" + r.outletB())
        .containsExactly("a-outlet|b-outlet", "a-outlet|d-outlet", "b-outlet|d-outlet");
    PeriodFraming.PairRow ab = pairs.get(0);
    assertThat(ab.articlesA()).isEqualTo(5);
    assertThat(ab.articlesB()).isEqualTo(4);
    assertThat(ab.hitsA()).isEqualTo(8);
    assertThat(ab.hitsB()).isEqualTo(6);
    // no frame in common: the largest distance
    assertThat(ab.jsDistance()).isCloseTo(1.0, within(1e-12));
    // half and half against all of one: sqrt(JSD((1/2,1/2),(1,0)))
    assertThat(pairs.get(1).jsDistance())
        .isCloseTo(
            FramingStats.jensenShannonDistance(new double[] {8, 0, 0}, new double[] {2, 2, 0}),
            within(1e-12))
        .isBetween(0.0, 1.0);
  }

  @Test
  void aPeriodWithOneOutletWithHitsHasNoPairs() {
    PeriodFraming p = new PeriodFraming(FRAMES);
    p.addArticles("a-outlet", 1, 100, 0);
    p.addArticles("b-outlet", 1, 100, 0);
    p.addFrame("a-outlet", "terrorism", 1, 1, 1, 0);
    assertThat(p.pairRows().hasNext()).isFalse();
  }
}

package org.framelens.common.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScorersTest {
  @Test
  void zyteTokensAreUnicodeWordRuns() {
    assertThat(ZyteScorer.tokens("Grüße, world_1 — 42!")).containsExactly("Grüße", "world_1", "42");
  }

  @Test
  void zyteIdenticalTextScoresOneAndMissingTextScoresZeroRecall() {
    Map<String, String> truth =
        Map.of("a", "the quick brown fox jumps over the lazy dog", "b", "one two three four five");
    ZyteScorer.Score perfect = ZyteScorer.score(truth, truth::get);
    assertThat(perfect.f1()).isEqualTo(1.0);
    assertThat(perfect.accuracy()).isEqualTo(1.0);
    ZyteScorer.Score half = ZyteScorer.score(truth, id -> id.equals("a") ? truth.get("a") : null);
    assertThat(half.recall()).isCloseTo(0.5, within(1e-9));
    assertThat(half.precision()).isEqualTo(1.0);
  }

  @Test
  void segmentCountsFollowTheTrafilaturaRules() {
    SegmentScorer.Counts c =
        new SegmentScorer.Counts()
            .add(
                "Main  text\nof the page. Footer links",
                List.of("Main text of the page.", "missing part"),
                List.of("Footer links", "Cookie banner"));
    assertThat(c.tp()).isEqualTo(1);
    assertThat(c.fn()).isEqualTo(1);
    assertThat(c.fp()).isEqualTo(1);
    assertThat(c.tn()).isEqualTo(1);
    assertThat(c.f()).isCloseTo(0.5, within(1e-9));
    SegmentScorer.Counts empty = new SegmentScorer.Counts().add("", List.of("x"), List.of("y"));
    assertThat(empty.fn()).isEqualTo(1);
    assertThat(empty.tn()).isEqualTo(1);
  }

  @Test
  void dateAccuracyCountsOnlyPagesWithAnExpectedDate() {
    MetadataScorer m = new MetadataScorer();
    m.add("a", "2023-10-21", LocalDate.of(2023, 10, 21), "meta", "Title", "Title");
    m.add("b", "2023-10-21", LocalDate.of(2023, 10, 20), "meta", "T", "Other");
    m.add("c", "2023-10-21", null, null, null, null);
    m.add("d", "", LocalDate.of(2020, 1, 1), "url", "", null);
    m.add("e", null, LocalDate.of(2020, 1, 1), "url", null, null);
    assertThat(m.datesExpected()).isEqualTo(3);
    assertThat(m.dateAccuracy()).isCloseTo(1 / 3.0, within(1e-9));
    assertThat(m.dateCoverage()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(m.noneExpected()).isEqualTo(1);
    assertThat(m.givenWhenNoneExpected()).isEqualTo(1);
    assertThat(m.titleAccuracy()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void pagesAreDecodedWithTheirDeclaredCharsetElseUtf8() {
    byte[] latin =
        "<meta charset=\"iso-8859-1\"><p>Stra\u00dfe</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(EvalPages.decode(latin)).contains("Stra\u00dfe");
    byte[] utf8 = "<p>Stra\u00dfe</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(EvalPages.decode(utf8)).contains("Stra\u00dfe");
  }
}

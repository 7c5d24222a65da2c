package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StoryContrastsTest {
  @Test
  void pairsThatShareAStoryAndEachOutletAgainstAllOthersGetARowPerFrameUsed() {
    StoryContrasts c = new StoryContrasts(List.of("conflict", "economy", "unused"));
    // story s1: a 2 articles (1 with conflict), b 2 (2 with conflict)
    c.addArticles("s1", "a", 2);
    c.addWithFrame("s1", "a", "conflict", 1);
    c.addArticles("s1", "b", 2);
    c.addWithFrame("s1", "b", "conflict", 2);
    // a's own story s2 (1 article with economy); c alone in s3 shares nothing
    c.addArticles("s2", "a", 1);
    c.addWithFrame("s2", "a", "economy", 1);
    c.addArticles("s3", "c", 4);
    c.addWithFrame("s3", "c", "conflict", 4);
    List<StoryContrasts.ContrastRow> rows = c.rows();
    assertThat(rows)
        .extracting(r -> r.outletA() + "/" + r.outletB() + "/" + r.frame())
        .containsExactly(
            "a/b/conflict",
            "a/b/economy",
            "a/(all others)/conflict",
            "a/(all others)/economy",
            "b/(all others)/conflict",
            "b/(all others)/economy");
    StoryContrasts.ContrastRow ab = rows.get(0);
    assertThat(ab.storiesA()).isEqualTo(2);
    assertThat(ab.storiesB()).isEqualTo(1);
    assertThat(ab.articlesA()).isEqualTo(3);
    assertThat(ab.articlesB()).isEqualTo(2);
    assertThat(ab.contrast().sharedStrata()).isEqualTo(1);
    // raw: a 1/3, b 2/2
    assertThat(ab.contrast().difference()).isCloseTo(1.0 / 3 - 1.0, within(1e-12));
    // b against all others: the others are a (3 articles) and c (4 articles, all conflict)
    StoryContrasts.ContrastRow bAll = rows.get(4);
    assertThat(bAll.articlesB()).isEqualTo(7);
    assertThat(bAll.storiesB()).isEqualTo(3);
    assertThat(bAll.contrast().shareB()).isCloseTo(5.0 / 7, within(1e-12));
    assertThat(bAll.contrast().sharedB()).isEqualTo(2);
    for (StoryContrasts.ContrastRow r : rows) {
      assertThat(r.contrast().selection() + r.contrast().framing())
          .isCloseTo(r.contrast().difference(), within(1e-12));
    }
  }

  @Test
  void mergingTheOtherSidesUnsharedStoriesGivesTheSameSplitAsKeepingThemApart() {
    // b's two unshared stories enter as one stratum: selection adds -x/n_B either way
    StoryContrasts c = new StoryContrasts(List.of("f"));
    c.addArticles("s1", "a", 4);
    c.addWithFrame("s1", "a", "f", 3);
    c.addArticles("s1", "b", 2);
    c.addWithFrame("s1", "b", "f", 1);
    c.addArticles("s2", "b", 3);
    c.addWithFrame("s2", "b", "f", 3);
    c.addArticles("s3", "b", 5);
    var merged = c.rows().get(0).contrast();
    var apart =
        org.framelens.common.stats.StratifiedContrast.of(
            new long[] {4, 0, 0}, new long[] {3, 0, 0}, new long[] {2, 3, 5}, new long[] {1, 3, 0});
    assertThat(merged.selection()).isCloseTo(apart.selection(), within(1e-12));
    assertThat(merged.framing()).isCloseTo(apart.framing(), within(1e-12));
    assertThat(merged.orMh()).isCloseTo(apart.orMh(), within(1e-12));
  }
}

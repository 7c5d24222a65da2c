package org.framelens.jobs.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryLinksTest {
  @Test
  void aStoryIsNamedByItsSmallestArticleWhateverTheOrderOfItsLinks() {
    StoryLinks links = new StoryLinks();
    links.link("d", "e");
    links.link("c", "d");
    links.link("x", "y");
    links.link("e", "b");
    assertThat(links.articles()).containsExactlyInAnyOrder("b", "c", "d", "e", "x", "y");
    for (String id : links.articles()) {
      assertThat(links.storyOf(id)).isEqualTo(id.compareTo("x") < 0 ? "b" : "x");
    }
    assertThat(links.isLinked("a")).isFalse();
  }
}

package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SamplingTest {
  /** 40 articles in en and ar, each with hits of two frames and paragraphs without hits. */
  static List<StratifiedSample.Candidate> candidates(ArticleSampler sampler) {
    List<StratifiedSample.Candidate> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String lang = i % 2 == 0 ? "en" : "ar";
      String quiet =
          lang.equals("en")
              ? "The council met on Tuesday to discuss the new bus lines, article " + i + "."
              : "اجتمع المجلس البلدي يوم الثلاثاء لمناقشة خطوط الحافلات الجديدة، مقال " + i + ".";
      String hitPara = lang.equals("en") ? "Talks on a truce went on." : "استمرت مفاوضات الهدنة.";
      String text = quiet + "\n" + hitPara + "\nShort line.\n" + quiet;
      int p2 = quiet.length() + 1;
      String term = lang.equals("en") ? "truce" : "هدنة";
      String written = lang.equals("en") ? "truce" : "الهدنة";
      int at = text.indexOf(written);
      List<ArticleSampler.Hit> hits =
          List.of(
              new ArticleSampler.Hit(
                  "diplomacy", lang, term, written, "body", at, at + written.length(), "own"),
              new ArticleSampler.Hit("hostages", lang, "hostage", "Hostages", "title", 0, 8, "own"),
              new ArticleSampler.Hit(
                  "entity:gaza", lang, "Gaza", "Gaza", "body", p2, p2 + 4, "own"));
      out.addAll(
          sampler.candidates(
              new ArticleSampler.Article(
                  "art" + i,
                  "https://o" + (i % 3) + ".example/" + i,
                  "o" + (i % 3),
                  lang,
                  "Hostages freed",
                  text),
              hits));
    }
    return out;
  }

  static ArticleSampler sampler(long seed, boolean byOutlet) {
    return new ArticleSampler(
        new ArticleSampler.Options(seed, Set.of(), Set.of(), Set.of("en", "ar"), byOutlet));
  }

  static List<SheetItem> sample(List<StratifiedSample.Candidate> cs, int perCell) {
    StratifiedSample s = new StratifiedSample(perCell);
    cs.forEach(s::offer);
    return s.result().stream().map(StratifiedSample.Candidate::item).toList();
  }

  @Test
  void eachLanguageAndFrameAndEachLanguagesParagraphsGetAtMostPerCellItems() {
    List<SheetItem> items = sample(candidates(sampler(7, false)), 5);
    Map<String, Long> cells =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.kind() + "|" + i.lang() + "|" + i.frame(),
                    TreeMap::new,
                    Collectors.counting()));
    // entity mentions are never sampled; 20 articles per language, each with one hit per frame
    // and two quiet paragraphs (the hit paragraph and the short line are not candidates)
    assertThat(cells)
        .containsExactly(
            Map.entry("hit|ar|diplomacy", 5L),
            Map.entry("hit|ar|hostages", 5L),
            Map.entry("hit|en|diplomacy", 5L),
            Map.entry("hit|en|hostages", 5L),
            Map.entry("paragraph|ar|", 5L),
            Map.entry("paragraph|en|", 5L));
    for (SheetItem i : items) {
      if (i.isHit()) {
        assertThat(i.context())
            .contains(SampleContext.OPEN + i.matchedText() + SampleContext.CLOSE);
      } else {
        assertThat(i.context()).doesNotContain("truce").doesNotContain("Short line");
        assertThat(i.context()).hasSizeGreaterThanOrEqualTo(ArticleSampler.MIN_PARAGRAPH_CHARS);
      }
    }
    // a cell smaller than per-cell is taken whole: 40 paragraphs of en
    assertThat(sample(candidates(sampler(7, false)), 100))
        .filteredOn(i -> i.kind().equals("paragraph") && i.lang().equals("en"))
        .hasSize(40);
  }

  @Test
  void byOutletSplitsTheCellsPerOutlet() {
    List<SheetItem> items = sample(candidates(sampler(7, true)), 2);
    Map<String, Long> cells =
        items.stream()
            .collect(
                Collectors.groupingBy(
                    i -> i.kind() + "|" + i.lang() + "|" + i.frame() + "|" + i.outlet(),
                    Collectors.counting()));
    // 2 languages × 3 outlets × (2 frames + paragraphs) = 18 cells of 2
    assertThat(cells).hasSize(18).allSatisfy((k, v) -> assertThat(v).isEqualTo(2L));
  }

  @Test
  void theSameSeedGivesTheSameSampleWhateverTheOrderOrSplitOfTheInput() {
    List<StratifiedSample.Candidate> cs = candidates(sampler(42, false));
    List<SheetItem> first = sample(cs, 4);
    List<StratifiedSample.Candidate> shuffled = new ArrayList<>(cs);
    Collections.shuffle(shuffled, new Random(1));
    assertThat(sample(shuffled, 4)).isEqualTo(first);
    // as Spark does it: each partition keeps its own bottom-k, the driver merges them
    StratifiedSample a = new StratifiedSample(4);
    StratifiedSample b = new StratifiedSample(4);
    for (int i = 0; i < shuffled.size(); i++) {
      (i % 3 == 0 ? a : b).offer(shuffled.get(i));
    }
    StratifiedSample merged = new StratifiedSample(4);
    a.result().forEach(merged::offer);
    b.result().forEach(merged::offer);
    assertThat(merged.result().stream().map(StratifiedSample.Candidate::item).toList())
        .isEqualTo(first);
    // another seed draws other items
    assertThat(sample(candidates(sampler(43, false)), 4)).isNotEqualTo(first);
    // item ids do not depend on the seed: the same hit is the same item in every sample
    assertThat(candidates(sampler(43, false)).get(0).item().itemId())
        .isEqualTo(cs.get(0).item().itemId());
  }

  @Test
  void frameAndLanguageSelectionsLimitTheHitsAndParagraphLanguagesLimitTheParagraphs() {
    ArticleSampler only =
        new ArticleSampler(
            new ArticleSampler.Options(1, Set.of("diplomacy"), Set.of("ar"), Set.of("ar"), false));
    assertThat(sample(candidates(only), 100))
        .allSatisfy(
            i -> {
              assertThat(i.lang()).isEqualTo("ar");
              if (i.isHit()) {
                assertThat(i.frame()).isEqualTo("diplomacy");
              }
            });
  }

  @Test
  void contextIsTheParagraphOrTwoHundredCharactersEitherSideWithTheMatchMarked() {
    String text = "First paragraph.\nShe said the truce held.\nLast.";
    int at = text.indexOf("truce");
    assertThat(SampleContext.marked(text, at, at + 5)).isEqualTo("She said the [[truce]] held.");
    String longPara = "a".repeat(300) + " truce " + "b".repeat(300);
    int s = longPara.indexOf("truce");
    String c = SampleContext.marked(longPara, s, s + 5);
    assertThat(c).isEqualTo("…" + "a".repeat(199) + " [[truce]] " + "b".repeat(199) + "…");
    assertThat(SampleContext.marked(text, 40, 99)).isEmpty();
  }
}

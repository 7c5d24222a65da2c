package org.framelens.common.lexicon.cjk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.indexOfPath;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.indexOfTerm;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.keys;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.surfaces;

import java.util.List;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.junit.jupiter.api.Test;

class KoreanSegmenterTest {
  private final WordSegmenter ko = CjkSegmenters.korean();

  @Test
  void particlesAfterANounAreDroppedFromTheKeyButPartOfTheMatchedText() {
    for (String p : List.of("하마스가 성명을 냈다.", "하마스는 성명을 냈다.", "하마스의 성명이 나왔다.")) {
      SegmentedWord first = ko.segment(p).get(0);
      assertThat(first.keys()).containsExactly("하마스");
      assertThat(first.surface()).isEqualTo(p.substring(0, 4));
      assertThat(first.start()).isZero();
      assertThat(first.end()).isEqualTo(4);
    }
  }

  @Test
  void thePluralAndTheObjectParticleAreDroppedFromTheKey() {
    String p = "하마스가 인질들을 석방했다.";
    List<SegmentedWord> words = ko.segment(p);
    assertThat(keys(words)).containsExactly("하마스", "인질", "석방");
    assertThat(surfaces(words)).containsExactly("하마스가", "인질들을", "석방했다");
    for (SegmentedWord w : words) {
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
    }
  }

  @Test
  void aCompoundWrittenSolidOrSpacedGivesTheSameKeyPath() {
    List<SegmentedWord> solid = ko.segment("하마스는 인질석방을 약속했다.");
    List<SegmentedWord> spaced = ko.segment("하마스는 인질 석방을 약속했다.");
    assertThat(keys(solid)).isEqualTo(keys(spaced));
    assertThat(ko.termPath("인질석방")).isEqualTo(ko.termPath("인질 석방"));
    assertThat(indexOfPath(solid, ko.termPath("인질 석방"))).isEqualTo(1);
    assertThat(indexOfPath(spaced, ko.termPath("인질석방"))).isEqualTo(1);
    assertThat(keys(ko.segment("휴전협정이 체결됐다"))).isEqualTo(keys(ko.segment("휴전 협정이 체결됐다")));
  }

  @Test
  void aCompoundTermDoesNotGoOnPastAWordWithACaseParticle() {
    // 인질들을 석방하라는 (demanding that the hostages be released) is a verb phrase, not the
    // compound 인질 석방; 인질들을 alone is still a hit for 인질
    List<SegmentedWord> phrase = ko.segment("유족들은 정부가 인질들을 석방하도록 압박하라고 요구했다.");
    SegmentedWord hostages = phrase.stream().filter(w -> w.keys().contains("인질")).findFirst().get();
    assertThat(hostages.endsPhrase()).isTrue();
    assertThat(indexOfTerm(phrase, ko.segment("인질 석방"))).isEqualTo(-1);
    assertThat(indexOfTerm(phrase, ko.segment("인질"))).isEqualTo(2);
    assertThat(indexOfTerm(ko.segment("인질석방을 위한 협상"), ko.segment("인질 석방"))).isZero();
    assertThat(indexOfTerm(ko.segment("인질 석방을 위한 협상"), ko.segment("인질 석방"))).isZero();
    // a term with a particle inside goes on past the same particle in the text
    List<SegmentedWord> axis = ko.segment("이른바 저항의 축이 개입했다.");
    assertThat(indexOfTerm(axis, ko.segment("저항의 축"))).isEqualTo(1);
  }

  @Test
  void theWordsOfASolidCompoundHaveTheirOwnOffsets() {
    List<SegmentedWord> words = ko.segment("인질석방을 촉구했다");
    assertThat(words.get(0)).isEqualTo(new SegmentedWord("인질", 0, 2, List.of("인질")));
    assertThat(words.get(1)).isEqualTo(new SegmentedWord("석방을", 2, 5, List.of("석방"), true));
  }

  @Test
  void aTermDoesNotMatchInsideADictionaryCompoundOfAnotherMeaning() {
    // 인질 (hostage) is not 인질범 (hostage-taker): no decompounding keeps the compound whole;
    // nori's DISCARD mode would split it and give the false hit
    String p = "경찰은 인질범들을 체포했다.";
    List<SegmentedWord> words = ko.segment(p);
    assertThat(keys(words)).contains("인질범").doesNotContain("인질");
    assertThat(indexOfPath(words, ko.termPath("인질"))).isEqualTo(-1);
    WordSegmenter discard = new KoreanSegmenter(DecompoundMode.DISCARD);
    assertThat(indexOfPath(discard.segment(p), discard.termPath("인질"))).isGreaterThan(0);
  }

  @Test
  void aDerivationalSuffixStaysInTheKey() {
    // 인도적 지원 (humanitarian aid) is not 인도 지원 (aid to India)
    List<SegmentedWord> humanitarian = ko.segment("인도적 지원 물자가 도착했다.");
    List<SegmentedWord> india = ko.segment("인도 지원 예산이 늘었다.");
    assertThat(keys(humanitarian)).startsWith("인도적", "지원");
    assertThat(keys(india)).startsWith("인도", "지원");
    assertThat(indexOfPath(india, ko.termPath("인도적 지원"))).isEqualTo(-1);
    assertThat(indexOfPath(ko.segment("인도적지원 물자"), ko.termPath("인도적 지원"))).isZero();
  }

  @Test
  void verbSuffixesAndEndingsAreDroppedSoANounAndItsVerbShareAKey() {
    List<SegmentedWord> words = ko.segment("테러 조직으로 규정된 하마스가 민간인을 살해했다.");
    assertThat(keys(words)).containsExactly("테러", "조직", "규정", "하마스", "민간인", "살해");
    assertThat(indexOfPath(words, ko.termPath("테러 조직"))).isZero();
    assertThat(ko.termPath("살해하다")).containsExactly("살해");
  }

  @Test
  void anInflectedVerbIsKeyedByItsStem() {
    List<SegmentedWord> words = ko.segment("팔레스타인 수감자들이 풀려났다.");
    assertThat(keys(words)).containsExactly("팔레스타인", "수감자", "풀려나");
    assertThat(ko.termPath("풀려나다")).containsExactly("풀려나");
    assertThat(surfaces(words).get(2)).isEqualTo("풀려났다");
  }

  @Test
  void punctuationIsLeftOutAndEndsTheWord() {
    String p = "“하마스는 ‘저항 운동’이라고 주장했다.”";
    List<SegmentedWord> words = ko.segment(p);
    assertThat(keys(words)).containsExactly("하마스", "저항", "운동", "주장");
    SegmentedWord movement = words.get(2);
    assertThat(movement.surface()).isEqualTo("운동"); // the particle after ’ is not attached
    for (SegmentedWord w : words) {
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
    }
  }

  @Test
  void fullWidthLettersAreFoldedAndAnEmptyParagraphHasNoWords() {
    assertThat(keys(ko.segment("ＩＤＦ 대변인은 말했다"))).startsWith("idf", "대변인");
    assertThat(ko.segment("")).isEmpty();
    assertThat(ko.segment(" . ")).isEmpty();
  }

  @Test
  void threadsSegmentingAtOnceGetTheSameWordsAsOneThread() throws Exception {
    CjkTestSupport.assertThreadsAgree(
        ko,
        List.of(
            "하마스가 인질들을 석방했다.",
            "카타르가 중재한 휴전 합의가 발효됐다.",
            "팔레스타인 수감자들이 풀려났다.",
            "인도적 지원 물자를 실은 트럭이 도착했다."));
  }

  @Test
  void aSupplementaryHanjaIsAWordNotASymbol() {
    // nori tags a character outside the BMP SY (symbol); it has a letter, so it is a word
    String p = "𠮟 인질";
    assertThat(surfaces(ko.segment(p))).containsExactly("𠮟", "인질");
  }
}

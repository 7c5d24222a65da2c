package org.framelens.common.lexicon.cjk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.indexOfPath;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.keys;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.surfaces;

import java.util.List;
import org.junit.jupiter.api.Test;

class JapaneseSegmenterTest {
  private final WordSegmenter ja = CjkSegmenters.japanese();

  @Test
  void frameTermsOfANewsSentenceAreWholeWords() {
    List<SegmentedWord> words = ja.segment("カタールの仲介で停戦合意が成立し、人質解放が始まった。");
    assertThat(keys(words)).containsSubsequence("カタール", "仲介", "停戦", "合意", "人質", "解放");
    assertThat(indexOfPath(words, ja.termPath("停戦合意"))).isEqualTo(4);
    assertThat(indexOfPath(words, ja.termPath("人質解放"))).isGreaterThan(4);
  }

  @Test
  void aTwoCharacterTermDoesNotMatchAcrossTheBoundaryOfTwoOtherWords() {
    // 人質 (hostage) in 個人質問 (personal question), 占領 (occupation) in 独占領域 (monopoly field)
    List<SegmentedWord> question = ja.segment("首相は記者の個人質問に答えた。");
    List<SegmentedWord> monopoly = ja.segment("同社は独占領域を広げた。");
    assertThat(keys(question)).contains("個人", "質問").doesNotContain("人質");
    assertThat(keys(monopoly)).contains("独占", "領域").doesNotContain("占領");
    assertThat(indexOfPath(question, ja.termPath("人質"))).isEqualTo(-1);
    assertThat(indexOfPath(monopoly, ja.termPath("占領"))).isEqualTo(-1);
  }

  @Test
  void aCompoundTheDictionaryHoldsStaysOneWord() {
    // NORMAL mode: a term 国際 (international) does not match inside 関西国際空港; SEARCH would split
    List<SegmentedWord> words = ja.segment("代表団は関西国際空港から出発した。");
    assertThat(keys(words)).contains("関西国際空港").doesNotContain("国際");
    assertThat(indexOfPath(words, ja.termPath("国際"))).isEqualTo(-1);
    assertThat(indexOfPath(words, ja.termPath("関西国際空港"))).isGreaterThan(0);
  }

  @Test
  void aWordFormingSuffixMakesANewWordThatTheShorterTermDoesNotMatch() {
    // 拘束力 (binding force) is not 拘束 (detention); 戦闘員 (combatant) is not 戦闘 (combat)
    List<SegmentedWord> binding = ja.segment("停戦決議の拘束力をめぐり、各国の意見が分かれた。");
    List<SegmentedWord> fighters = ja.segment("ハマスの戦闘員が検問所を襲った。");
    assertThat(keys(binding)).contains("拘束力").doesNotContain("拘束");
    assertThat(indexOfPath(binding, ja.termPath("拘束"))).isEqualTo(-1);
    assertThat(keys(fighters)).contains("戦闘員").doesNotContain("戦闘");
    assertThat(indexOfPath(fighters, ja.termPath("戦闘"))).isEqualTo(-1);
    assertThat(indexOfPath(fighters, ja.termPath("戦闘員"))).isEqualTo(2);
    // a counter after a number stays its own word
    assertThat(surfaces(ja.segment("人質50人が解放された"))).startsWith("人質", "50", "人");
  }

  @Test
  void anInflectedVerbIsKeyedByItsBaseFormWithoutItsEndings() {
    String p = "イスラエル軍に拘束された住民が、赤十字に引き取られた。";
    List<SegmentedWord> words = ja.segment(p);
    SegmentedWord detained = words.stream().filter(w -> w.surface().equals("拘束")).findFirst().get();
    assertThat(detained.start()).isEqualTo(p.indexOf("拘束"));
    assertThat(detained.end()).isEqualTo(p.indexOf("拘束") + 2); // された is not part of the word
    assertThat(keys(words)).containsSubsequence("拘束", "する", "れる", "赤十字", "引き取る");
    assertThat(ja.termPath("引き取る")).isEqualTo(List.of("引き取る"));
    assertThat(indexOfPath(words, ja.termPath("引き取る"))).isGreaterThan(0);
  }

  @Test
  void anInflectedAdjectiveIsKeyedByItsBaseForm() {
    List<SegmentedWord> past = ja.segment("避難所の状況は厳しかった。");
    List<SegmentedWord> present = ja.segment("避難所の状況は厳しい。");
    assertThat(keys(past)).contains("厳しい");
    assertThat(surfaces(past)).contains("厳しかっ");
    assertThat(indexOfPath(past, ja.termPath("厳しい")))
        .isEqualTo(indexOfPath(present, ja.termPath("厳しい")));
  }

  @Test
  void halfWidthKatakanaGivesTheSameKeysAsFullWidth() {
    List<SegmentedWord> half = ja.segment("ｶﾞｻﾞ地区でﾃﾛ組織ﾊﾏｽが人質を解放した。");
    List<SegmentedWord> full = ja.segment("ガザ地区でテロ組織ハマスが人質を解放した。");
    assertThat(keys(half)).isEqualTo(keys(full));
    assertThat(ja.termPath("ﾃﾛ組織")).isEqualTo(ja.termPath("テロ組織"));
    assertThat(indexOfPath(half, ja.termPath("テロ組織"))).isGreaterThan(0);
  }

  @Test
  void offsetsOfHalfWidthKanaPointIntoTheOriginalText() {
    String p = "ｶﾞｻﾞ地区でﾃﾛ組織が「停戦」を拒んだ";
    List<SegmentedWord> words = ja.segment(p);
    assertThat(words.get(0).surface()).isEqualTo("ｶﾞｻﾞ"); // four chars, ガザ after folding
    assertThat(words.get(0).keys()).containsExactly("ガザ");
    int previousEnd = 0;
    for (SegmentedWord w : words) {
      assertThat(w.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
      previousEnd = w.end();
    }
    assertThat(surfaces(words)).contains("ﾃﾛ", "停戦").doesNotContain("「", "」");
  }

  @Test
  void fullWidthLettersAndDigitsAreFoldedToHalfWidthLowerCase() {
    List<SegmentedWord> words = ja.segment("ＩＤＦの報道官は１２人の人質が解放されたと述べた。");
    assertThat(keys(words)).contains("idf", "12", "人質");
    assertThat(surfaces(words)).contains("ＩＤＦ", "１２");
  }

  @Test
  void aKatakanaWordWithOrWithoutItsFinalLongVowelMarkHasOneKey() {
    List<SegmentedWord> words = ja.segment("ハマス軍事部門のリーダーは、別のリーダと会談した。");
    assertThat(words.stream().filter(w -> w.surface().startsWith("リーダ")).map(w -> w.keys().get(0)))
        .containsExactly("リーダ", "リーダ");
  }

  @Test
  void punctuationAndCornerBracketsAreNotWords() {
    List<SegmentedWord> words = ja.segment("「抵抗運動」の報道官は『占領』と述べた。");
    assertThat(words).allSatisfy(w -> assertThat(CjkKeys.hasLetterOrDigit(w.surface())).isTrue());
    assertThat(keys(words)).containsSubsequence("抵抗", "運動", "報道官", "占領");
  }

  @Test
  void anEmptyParagraphHasNoWords() {
    assertThat(ja.segment("")).isEmpty();
    assertThat(ja.segment(" 。 ")).isEmpty();
  }

  @Test
  void threadsSegmentingAtOnceGetTheSameWordsAsOneThread() throws Exception {
    CjkTestSupport.assertThreadsAgree(
        ja,
        List.of(
            "ハマスに拘束されている人質の解放をめぐり、交渉が続いた。",
            "ｶﾞｻﾞ地区への人道支援物資が届いた。",
            "赤十字国際委員会が人質を引き取った。",
            "停戦決議の拘束力が議論された。"));
  }

  @Test
  void aSupplementaryKanjiIsKeptAsPartOfTheText() {
    // 𠮟 (U+20B9F) is outside the BMP; kuromoji's punctuation test would drop it
    String p = "国防相は司令官を𠮟責したと報じられた。";
    List<SegmentedWord> words = ja.segment(p);
    assertThat(surfaces(words)).contains("𠮟");
    for (SegmentedWord w : words) {
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
    }
  }
}

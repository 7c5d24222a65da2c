package org.framelens.common.lexicon.cjk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.indexOfPath;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.keys;
import static org.framelens.common.lexicon.cjk.CjkTestSupport.surfaces;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChineseSegmenterTest {
  private final WordSegmenter zh = CjkSegmenters.chinese();

  @Test
  void frameTermsOfANewsSentenceAreWholeWords() {
    List<SegmentedWord> words = zh.segment("以色列国防军说，人质交换谈判仍在进行。");
    assertThat(keys(words)).containsSubsequence("以色列", "国防军", "人质", "交换", "谈判");
    assertThat(indexOfPath(words, zh.termPath("人质交换"))).isEqualTo(3);
  }

  @Test
  void aTwoCharacterTermDoesNotMatchAcrossTheBoundaryOfTwoOtherWords() {
    // 加沙 (Gaza) in 增加沙袋 (add sandbags), 人质 (hostage) in 个人质疑 (personal doubt),
    // 停火 (ceasefire) in 暂停火车 (halt trains): the characters are there, the words are not
    List<SegmentedWord> sandbags = zh.segment("工人们增加沙袋加固堤坝。");
    List<SegmentedWord> doubt = zh.segment("他对这一说法提出了个人质疑。");
    List<SegmentedWord> trains = zh.segment("铁路部门宣布暂停火车运行。");
    assertThat(keys(sandbags)).contains("增加", "沙袋").doesNotContain("加沙");
    assertThat(keys(doubt)).contains("个人", "质疑").doesNotContain("人质");
    assertThat(keys(trains)).contains("暂停", "火车").doesNotContain("停火");
    assertThat(indexOfPath(sandbags, zh.termPath("加沙"))).isEqualTo(-1);
    assertThat(indexOfPath(doubt, zh.termPath("人质"))).isEqualTo(-1);
    assertThat(indexOfPath(trains, zh.termPath("停火"))).isEqualTo(-1);
  }

  @Test
  void aTwoCharacterTermDoesNotMatchInsideALongerWord() {
    // 解放 (liberation) inside 中国人民解放军 (the PLA), 和平 (peace) across 以色列和平民
    List<SegmentedWord> pla = zh.segment("中国人民解放军举行演习。");
    List<SegmentedWord> civilians = zh.segment("冲突中以色列和平民都有伤亡。");
    assertThat(keys(pla)).contains("中国人民解放军").doesNotContain("解放");
    assertThat(indexOfPath(pla, zh.termPath("解放"))).isEqualTo(-1);
    assertThat(keys(civilians)).contains("平民").doesNotContain("和平");
    assertThat(indexOfPath(civilians, zh.termPath("和平"))).isEqualTo(-1);
  }

  @Test
  void traditionalTextGivesTheSameKeysAsSimplifiedText() {
    List<SegmentedWord> traditional = zh.segment("以色列與哈馬斯達成停火協議，被扣押的人質將獲釋放。");
    List<SegmentedWord> simplified = zh.segment("以色列与哈马斯达成停火协议，被扣押的人质将获释放。");
    assertThat(keys(traditional)).isEqualTo(keys(simplified));
    assertThat(keys(traditional)).containsSubsequence("哈马斯", "停火", "协议", "人质");
  }

  @Test
  void traditionalTextKeepsItsCharactersInTheSurfaceAndGetsSimplifiedKeys() {
    String p = "紅十字國際委員會接收了人質。";
    List<SegmentedWord> words = zh.segment(p);
    assertThat(surfaces(words)).containsSubsequence("紅十字", "國際", "委員會", "人質");
    assertThat(keys(words)).containsSubsequence("红十字", "国际", "委员会", "人质");
    for (SegmentedWord w : words) {
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
    }
  }

  @Test
  void aSimplifiedLexiconTermMatchesTraditionalTextAndTheReverse() {
    List<SegmentedWord> traditional = zh.segment("美國國務院將哈馬斯列為恐怖組織。");
    List<SegmentedWord> simplified = zh.segment("美国国务院将哈马斯列为恐怖组织。");
    assertThat(zh.termPath("恐怖組織")).isEqualTo(zh.termPath("恐怖组织"));
    assertThat(indexOfPath(traditional, zh.termPath("恐怖组织"))).isGreaterThan(0);
    assertThat(indexOfPath(simplified, zh.termPath("恐怖組織"))).isGreaterThan(0);
  }

  @Test
  void fullWidthDigitsAndLettersAreFoldedToHalfWidthLowerCase() {
    List<SegmentedWord> words = zh.segment("据ＣＮＮ报道，１２名人质周五获释。");
    assertThat(keys(words)).contains("cnn", "12", "人质");
    SegmentedWord cnn = words.stream().filter(w -> w.keys().contains("cnn")).findFirst().get();
    assertThat(cnn.surface()).isEqualTo("ＣＮＮ");
  }

  @Test
  void offsetsPointIntoTheOriginalParagraphInOrderWithoutOverlap() {
    String p = "“抵抗运动”发言人表示，卡塔尔和埃及正在斡旋。\n 第二句：人道主义援助车队进入加沙地带。";
    List<SegmentedWord> words = zh.segment(p);
    int previousEnd = 0;
    for (SegmentedWord w : words) {
      assertThat(w.start()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(w.end()).isGreaterThan(w.start());
      assertThat(p.substring(w.start(), w.end())).isEqualTo(w.surface());
      previousEnd = w.end();
    }
    SegmentedWord gaza = words.stream().filter(w -> w.surface().equals("加沙")).findFirst().get();
    assertThat(gaza.start()).isEqualTo(p.indexOf("加沙"));
  }

  @Test
  void punctuationAndQuotationMarksAreNotWords() {
    List<SegmentedWord> words = zh.segment("「抵抗運動」發言人說：「停火！」");
    assertThat(words).allSatisfy(w -> assertThat(CjkKeys.hasLetterOrDigit(w.surface())).isTrue());
    assertThat(keys(words)).containsSubsequence("抵抗", "运动", "发言人", "停火");
  }

  private static final List<String> VOCABULARY =
      List.of("人质", "加沙", "停火", "解放", "和平", "武装份子", "谈判", "巴勒斯坦囚犯", "囚犯");

  @Test
  void aVocabularyWordThatSmartcnSplitsIntoCharactersIsJoinedIntoOneWord() {
    String p = "多哈方面说，释放人质的谈判仍在继续。";
    assertThat(keys(zh.segment(p))).containsSubsequence("释放", "人", "质", "的", "谈判");
    WordSegmenter withTerms = zh.withVocabulary(VOCABULARY);
    List<SegmentedWord> words = withTerms.segment(p);
    assertThat(keys(words)).containsSubsequence("释放", "人质", "的", "谈判");
    SegmentedWord hostages = words.stream().filter(w -> w.surface().equals("人质")).findFirst().get();
    assertThat(hostages.start()).isEqualTo(p.indexOf("人质"));
    assertThat(withTerms.termPath("人质")).containsExactly("人质");
  }

  @Test
  void aTraditionalRunIsJoinedOntoASimplifiedVocabularyWord() {
    WordSegmenter withTerms = zh.withVocabulary(VOCABULARY);
    String p = "以軍稱，空襲中有多名武裝份子死亡。";
    List<SegmentedWord> words = withTerms.segment(p);
    SegmentedWord militants =
        words.stream().filter(w -> w.keys().contains("武装份子")).findFirst().get();
    assertThat(militants.surface()).isEqualTo("武裝份子");
    assertThat(p.substring(militants.start(), militants.end())).isEqualTo("武裝份子");
    assertThat(withTerms.termPath("武裝份子")).isEqualTo(withTerms.termPath("武装份子"));
  }

  @Test
  void aVocabularyWordIsNeverJoinedInsideOrAcrossTheEdgeOfAnotherWord() {
    WordSegmenter withTerms = zh.withVocabulary(VOCABULARY);
    for (String p :
        List.of(
            "工人们增加沙袋加固堤坝。", "他对这一说法提出了个人质疑。", "铁路部门宣布暂停火车运行。", "中国人民解放军举行演习。", "冲突中以色列和平民都有伤亡。")) {
      List<String> k = keys(withTerms.segment(p));
      assertThat(k).as(p).doesNotContain("加沙", "人质", "停火", "解放", "和平");
    }
  }

  @Test
  void theLongestVocabularyWordWins() {
    WordSegmenter withTerms = zh.withVocabulary(VOCABULARY);
    List<SegmentedWord> words = withTerms.segment("巴勒斯坦囚犯获释后回到约旦河西岸。");
    assertThat(keys(words)).startsWith("巴勒斯坦囚犯");
    assertThat(indexOfPath(words, withTerms.termPath("巴勒斯坦囚犯"))).isZero();
    assertThat(indexOfPath(words, withTerms.termPath("囚犯"))).isEqualTo(-1);
  }

  @Test
  void anEmptyOrBlankParagraphHasNoWords() {
    assertThat(zh.segment("")).isEmpty();
    assertThat(zh.segment("   \n")).isEmpty();
  }

  @Test
  void threadsSegmentingAtOnceGetTheSameWordsAsOneThread() throws Exception {
    CjkTestSupport.assertThreadsAgree(
        zh,
        List.of("巴勒斯坦囚犯获释后回到约旦河西岸。", "人道主義援助車隊進入加沙地帶。", "以色列和哈马斯在多哈举行间接谈判。", "国际红十字委员会接收了被释放的人质。"));
  }
}

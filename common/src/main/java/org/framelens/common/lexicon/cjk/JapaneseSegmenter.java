package org.framelens.common.lexicon.cjk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Japanese words by Lucene kuromoji's {@link JapaneseTokenizer} (IPADIC morphological analysis).
 *
 * <ul>
 *   <li>Before tokenising, {@link CJKWidthCharFilter}: half-width katakana → full-width (ﾃﾛ → テロ,
 *       ｶﾞｻﾞ → ガザ with the voiced mark joined), full-width ASCII → half-width; offsets are
 *       corrected back to the original text.
 *   <li>Mode NORMAL: a compound the dictionary holds (関西国際空港) stays one word, as in German
 *       compounds are words of their own, so a term 国際 does not match inside it; compounds the
 *       dictionary does not hold (人質解放交渉) are split into their words anyway, in the text and in a
 *       lexicon term alike. SEARCH mode differs only in splitting dictionary compounds.
 *   <li>Key: the base form of an inflected verb or adjective ({@link JapaneseBaseFormFilter}: 厳しかっ
 *       → 厳しい, 引き取っ → 引き取る), else the surface; a trailing long-vowel mark of a katakana word of
 *       four or more characters dropped ({@link JapaneseKatakanaStemFilter}: リーダー = リーダ); NFKC;
 *       lower case. An inflected word also offers its surface as a second key (a lexicon term 続き
 *       read as a noun still matches the verb form 続き).
 *   <li>A word-forming noun suffix joins the noun before it into one word and key (拘束力 binding
 *       force is not 拘束 detention, 戦闘員 combatant not 戦闘 combat, 占領地, 人道的); counters, honorifics and
 *       place suffixes stay words of their own (50 人, ネタニヤフ 氏, 東京 都).
 *   <li>Inflection endings are not part of a word: 拘束された is 拘束 + さ (する) + れ (れる) + た, each its own
 *       word; particles (は, を, の) are words too. Punctuation and symbols are left out.
 * </ul>
 */
final class JapaneseSegmenter implements WordSegmenter {

  /** One analysis chain per thread: Lucene tokenizers are not thread-safe. */
  private final ThreadLocal<Chain> chains = ThreadLocal.withInitial(Chain::new);

  @Override
  public List<SegmentedWord> segment(String paragraph) {
    return chains.get().segment(paragraph);
  }

  private static final class Chain {
    // discardPunctuation false: kuromoji reads a supplementary kanji (𠮟 of 𠮟責, 𠮷) as
    // punctuation and drops it; punctuation is left out below instead
    final JapaneseTokenizer tokenizer =
        new JapaneseTokenizer(null, false, true, JapaneseTokenizer.Mode.NORMAL);
    final TokenStream stream =
        new LowerCaseFilter(new JapaneseKatakanaStemFilter(new JapaneseBaseFormFilter(tokenizer)));
    final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    final PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);

    List<SegmentedWord> segment(String paragraph) {
      List<SegmentedWord> words = new ArrayList<>();
      boolean previousNoun = false;
      try {
        tokenizer.setReader(new CJKWidthCharFilter(new StringReader(paragraph)));
        stream.reset();
        while (stream.incrementToken()) {
          String p = pos.getPartOfSpeech();
          if (!CjkKeys.hasLetterOrDigit(term)) {
            previousNoun = false;
            continue; // punctuation and symbols (not by part of speech: kuromoji gives a
            // supplementary kanji 記号-一般)
          }
          int start = offset.startOffset();
          int end = offset.endOffset();
          String key = CjkKeys.normalize(term.toString());
          if (isWordFormingSuffix(p) && previousNoun && !words.isEmpty()) {
            SegmentedWord prev = words.get(words.size() - 1);
            if (prev.end() == start) {
              // 拘束 + 力 is 拘束力 (binding force), not 拘束 (detention): one word, one key
              words.set(
                  words.size() - 1,
                  new SegmentedWord(
                      paragraph.substring(prev.start(), end),
                      prev.start(),
                      end,
                      List.of(prev.keys().get(0) + key)));
              continue;
            }
          }
          previousNoun = p != null && p.startsWith("名詞");
          String surface = paragraph.substring(start, end);
          String surfaceKey = CjkKeys.normalize(surface);
          List<String> keys =
              key.equals(surfaceKey) || !isInflected(p) ? List.of(key) : List.of(key, surfaceKey);
          words.add(new SegmentedWord(surface, start, end, keys));
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          stream.close();
        } catch (IOException e) {
          // closing a StringReader cannot fail
        }
      }
      return words;
    }

    /**
     * IPADIC's word-forming noun suffixes (名詞-接尾-一般: 力 員 者 地 軍 人 会; サ変接続: 化; 形容動詞語幹: 的), which make
     * a new word with the noun before them. Counters (助数詞), honorifics (人名), place suffixes (地域)
     * and the others stay words of their own.
     */
    private static boolean isWordFormingSuffix(String pos) {
      return pos != null
          && (pos.equals("名詞-接尾-一般") || pos.equals("名詞-接尾-サ変接続") || pos.equals("名詞-接尾-形容動詞語幹"));
    }

    /** Verbs and adjectives: the words whose base form differs from the surface by inflection. */
    private static boolean isInflected(String pos) {
      return pos != null && (pos.startsWith("動詞") || pos.startsWith("形容詞"));
    }
  }
}

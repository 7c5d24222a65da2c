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
    final JapaneseTokenizer tokenizer =
        new JapaneseTokenizer(null, true, true, JapaneseTokenizer.Mode.NORMAL);
    final TokenStream stream =
        new LowerCaseFilter(new JapaneseKatakanaStemFilter(new JapaneseBaseFormFilter(tokenizer)));
    final CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
    final PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);

    List<SegmentedWord> segment(String paragraph) {
      List<SegmentedWord> words = new ArrayList<>();
      try {
        tokenizer.setReader(new CJKWidthCharFilter(new StringReader(paragraph)));
        stream.reset();
        while (stream.incrementToken()) {
          String p = pos.getPartOfSpeech();
          if ((p != null && p.startsWith("記号")) || !CjkKeys.hasLetterOrDigit(term)) {
            continue; // symbols
          }
          int start = offset.startOffset();
          int end = offset.endOffset();
          String surface = paragraph.substring(start, end);
          String key = CjkKeys.normalize(term.toString());
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

    /** Verbs and adjectives: the words whose base form differs from the surface by inflection. */
    private static boolean isInflected(String pos) {
      return pos != null && (pos.startsWith("動詞") || pos.startsWith("形容詞"));
    }
  }
}

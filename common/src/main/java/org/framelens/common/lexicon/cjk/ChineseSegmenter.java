package org.framelens.common.lexicon.cjk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Chinese words by Lucene smartcn's {@link HMMChineseTokenizer} (a hidden Markov model over a
 * dictionary of simplified Chinese words; it splits sentences itself).
 *
 * <p>Its dictionary is simplified only: on traditional text it falls back to single characters
 * (以色列與哈馬斯達成停火協議 gives 哈 馬 斯 … 協 議). So the paragraph is first folded to simplified characters
 * ({@link TraditionalToSimplified}, same length), the folded text is segmented, and the offsets are
 * used on the original: the surface keeps the traditional characters, the key is the simplified
 * word, and a simplified lexicon term matches traditional text and the reverse.
 */
final class ChineseSegmenter implements WordSegmenter {

  /** One tokenizer per thread: Lucene tokenizers are not thread-safe; the dictionary is shared. */
  private final ThreadLocal<Chain> chains = ThreadLocal.withInitial(Chain::new);

  @Override
  public List<SegmentedWord> segment(String paragraph) {
    return chains.get().segment(paragraph);
  }

  private static final class Chain {
    final HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
    final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

    List<SegmentedWord> segment(String paragraph) {
      String simplified = TraditionalToSimplified.fold(paragraph);
      List<SegmentedWord> words = new ArrayList<>();
      try {
        tokenizer.setReader(new StringReader(simplified));
        tokenizer.reset();
        while (tokenizer.incrementToken()) {
          if (!CjkKeys.hasLetterOrDigit(term)) {
            continue; // smartcn gives punctuation as tokens (， → ",")
          }
          int start = offset.startOffset();
          int end = offset.endOffset();
          words.add(
              new SegmentedWord(
                  paragraph.substring(start, end),
                  start,
                  end,
                  List.of(CjkKeys.normalize(term.toString()))));
        }
        tokenizer.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        try {
          tokenizer.close();
        } catch (IOException e) {
          // closing a StringReader cannot fail
        }
      }
      return words;
    }
  }
}

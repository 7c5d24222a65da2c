package org.framelens.common.lexicon.cjk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 *
 * <p>Vocabulary: smartcn cannot be given a user dictionary, and it sometimes splits a word it does
 * not rank high in its context into characters (释放人质的 → 释放 人 质 的; 武装份子 → 武装 份 子). With {@link
 * #withVocabulary} a run of its words whose text (folded to simplified) is a vocabulary word
 * becomes that one word: the run must start where a word of the segmentation starts and end where
 * one ends, so a vocabulary word is never found inside a longer word or across the edge of one (人质
 * is not in 个人 质疑, 加沙 not in 增加 沙袋). The longest such run wins, leftmost first.
 */
final class ChineseSegmenter implements WordSegmenter {

  /** One tokenizer per thread: Lucene tokenizers are not thread-safe; the dictionary is shared. */
  private static final ThreadLocal<Chain> CHAINS = ThreadLocal.withInitial(Chain::new);

  /** Vocabulary words folded to simplified, lower case; empty for none. */
  private final Set<String> vocabulary;

  private final int longestWord;

  ChineseSegmenter() {
    this(Set.of());
  }

  private ChineseSegmenter(Set<String> vocabulary) {
    this.vocabulary = vocabulary;
    this.longestWord = vocabulary.stream().mapToInt(String::length).max().orElse(0);
  }

  @Override
  public WordSegmenter withVocabulary(Collection<String> words) {
    Set<String> v = new HashSet<>(vocabulary);
    for (String w : words) {
      String f = fold(w.strip());
      if (f.length() >= 2 && f.codePoints().noneMatch(c -> Character.isWhitespace(c) || c == '*')) {
        v.add(f);
      }
    }
    return new ChineseSegmenter(Set.copyOf(v));
  }

  @Override
  public List<SegmentedWord> segment(String paragraph) {
    String folded = fold(paragraph);
    List<SegmentedWord> words = CHAINS.get().segment(paragraph, folded);
    return vocabulary.isEmpty() ? words : joinVocabulary(paragraph, folded, words);
  }

  /**
   * Simplified and lower case, char for char (the same length as the input, so offsets hold): Latin
   * letters in Chinese text are matched without case.
   */
  private static String fold(String s) {
    String simplified = TraditionalToSimplified.fold(s);
    char[] c = simplified.toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new String(c);
  }

  private List<SegmentedWord> joinVocabulary(
      String paragraph, String folded, List<SegmentedWord> words) {
    List<SegmentedWord> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      int start = words.get(i).start();
      int last = -1;
      for (int j = i + 1; j < words.size() && words.get(j).end() - start <= longestWord; j++) {
        if (vocabulary.contains(folded.substring(start, words.get(j).end()))) {
          last = j;
        }
      }
      if (last < 0) {
        out.add(words.get(i));
      } else {
        int end = words.get(last).end();
        out.add(
            new SegmentedWord(
                paragraph.substring(start, end),
                start,
                end,
                List.of(CjkKeys.normalize(folded.substring(start, end)))));
        i = last;
      }
    }
    return out;
  }

  private static final class Chain {
    final HMMChineseTokenizer tokenizer = new HMMChineseTokenizer();
    final CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
    final OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);

    List<SegmentedWord> segment(String paragraph, String folded) {
      List<SegmentedWord> words = new ArrayList<>();
      try {
        tokenizer.setReader(new StringReader(folded));
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

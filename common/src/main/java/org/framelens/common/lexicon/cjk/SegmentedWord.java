package org.framelens.common.lexicon.cjk;

import java.util.List;

/**
 * One word of a segmented paragraph (or lexicon term).
 *
 * @param surface the word as written: {@code paragraph.substring(start, end)}
 * @param start offset of the word's first UTF-16 char in the original paragraph
 * @param end offset after the word's last char in the original paragraph
 * @param keys the keys the word matches on, at least one, the word's own key first (normalised:
 *     NFKC, lower case, and per language folding such as traditional → simplified Chinese or a
 *     Japanese base form); a text word matches a term word when one of its keys is the term word's
 *     first key
 * @param endsPhrase a term of several words may end at this word, but goes on past it only where
 *     the term's own word at that place ends a phrase too: a Korean word with a case particle, an
 *     ending or the copula attached (인질들을 석방하라는 is not the compound term 인질 석방, while 인질석방을 and 인질
 *     석방을 are; the term 저항의 축 matches 저항의 축). False for Chinese and Japanese, whose particles are
 *     words of their own
 */
public record SegmentedWord(
    String surface, int start, int end, List<String> keys, boolean endsPhrase) {
  public SegmentedWord {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a word needs at least one key: " + surface);
    }
  }

  /** A word a term may go on past. */
  public SegmentedWord(String surface, int start, int end, List<String> keys) {
    this(surface, start, end, keys, false);
  }
}

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
 */
public record SegmentedWord(String surface, int start, int end, List<String> keys) {
  public SegmentedWord {
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a word needs at least one key: " + surface);
    }
  }
}

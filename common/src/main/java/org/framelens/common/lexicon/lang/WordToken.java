package org.framelens.common.lexicon.lang;

import java.util.List;

/**
 * One word of a paragraph: its text as the tokenizer gave it and its offsets in the paragraph;
 * {@code keys} are the word's keys when the splitter worked them out from the word in its context
 * (a segmenter's base form or folded key), else null: the profile's key function gives them.
 */
public record WordToken(String text, int start, int end, List<String> keys) {
  public WordToken(String text, int start, int end) {
    this(text, start, end, null);
  }
}

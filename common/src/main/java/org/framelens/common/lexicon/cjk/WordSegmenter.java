package org.framelens.common.lexicon.cjk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits text of a language written without spaces between words (or, for Korean, with particles
 * attached to words) into words with their keys. Text and lexicon terms go through the same
 * segmenter, so a term's key path and the text's key paths agree.
 *
 * <p>The instances of {@link CjkSegmenters} are thread-safe: each thread gets its own Lucene
 * tokenizer; the dictionaries are shared.
 */
public interface WordSegmenter {

  /**
   * The words of a paragraph in text order, punctuation and symbols left out. Offsets index into
   * {@code paragraph}.
   */
  List<SegmentedWord> segment(String paragraph);

  /**
   * A segmenter that also knows these words (a lexicon's terms of this language), where the
   * language needs it: see {@link CjkSegmenters#chinese()}. Use the returned segmenter for the text
   * and for the terms alike. The default knows no more words than the dictionary: it returns this.
   */
  default WordSegmenter withVocabulary(Collection<String> words) {
    return this;
  }

  /**
   * The key path of a lexicon term: the first key of each of its words, in order. A word's first
   * key is its key; further keys (a Japanese inflected word's surface beside its base form) are
   * alternatives a text word offers, so a term word needs only its first.
   */
  default List<String> termPath(String term) {
    List<String> path = new ArrayList<>();
    for (SegmentedWord w : segment(term)) {
      path.add(w.keys().get(0));
    }
    return path;
  }
}

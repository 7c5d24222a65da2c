package org.framelens.common.lexicon.lang;

import java.util.List;

/**
 * Splits a paragraph (or a lexicon term) into words with offsets into the original text. A splitter
 * may hold a Lucene tokenizer and is then not thread-safe: a tagger owns its splitters.
 */
public interface WordSplitter {
  List<WordToken> tokenize(String text);
}

package org.framelens.common.lexicon.lang;

import java.util.List;
import java.util.Set;
import org.framelens.common.lexicon.Voice;
import org.framelens.common.lexicon.WordForms;

/**
 * How one language's text is read for matching: its tokenizer, its normalisation (case folding and
 * character variants), its key function (stemmer, lemma or clitic stripping; a text word may have
 * several candidate keys) and its quotation marks. The tagger and the lexicon compiler ask the
 * profile of a stretch's language for each of these and know no language themselves: adding a
 * language is adding a profile to {@link LanguageProfiles}. A profile is stateless (or holds only
 * immutable dictionaries) and shared by every thread; {@link #newSplitter} gives each tagger its
 * own tokenizer.
 */
public interface LanguageProfile {
  /** ISO 639-1 code. */
  String lang();

  /** Whether this language has rules of its own (false: normalised surface form, exact match). */
  default boolean hasRules() {
    return true;
  }

  /**
   * A word splitter for paragraphs of this language, given the standard one (Lucene's
   * StandardTokenizer with format characters removed), which most profiles keep or post-process.
   */
  default WordSplitter newSplitter(WordSplitter standard) {
    return standard;
  }

  /**
   * Whether {@link #normalize} is the common normalisation ({@link WordForms#normalize}): the
   * tagger then reuses the form it already computed for the word.
   */
  default boolean commonNormalization() {
    return true;
  }

  /**
   * Normalises one word (a token of text or a word of a lexicon term): case, character variants.
   */
  default String normalize(String word) {
    return WordForms.normalize(word);
  }

  /** The key of one (normalised) lexicon word. */
  String termKey(String normalizedWord);

  /** The keys a (normalised) text token may match. */
  List<String> textKeys(String normalizedToken);

  /** Surface forms (no stemming) a wildcard prefix is tested against. */
  default List<String> surfaces(String normalizedToken) {
    return List.of(normalizedToken);
  }

  /** The form a wildcard word's prefix is compared in. */
  default String wildcardPrefix(String normalizedPrefix) {
    return normalizedPrefix;
  }

  /**
   * The keys of a lexicon term's words, in order, when this language's words are found by a
   * segmenter (text and terms must be split the same way); null: the term is split by {@link
   * #newSplitter} and each word keyed by {@link #termKey}.
   */
  default List<String> termPath(String term) {
    return null;
  }

  /**
   * The spellings a lexicon term is compiled in (each its own path in the trie): the term, and
   * variants its language writes the same term in (a Persian compound with a ZWNJ, with a space).
   */
  default List<String> termVariants(String term) {
    return List.of(term);
  }

  /**
   * This profile for a lexicon with these terms of its language: a segmenter without a user
   * dictionary takes them as vocabulary (smartcn splits some terms into characters in context).
   */
  default LanguageProfile forVocabulary(java.util.Collection<String> terms) {
    return this;
  }

  /** Which characters of a paragraph lie inside quotation marks, by this language's conventions. */
  default boolean[] quotedChars(String paragraph) {
    return Voice.quotedChars(paragraph);
  }

  /**
   * Common words of the language (Lucene's stopword set where it has one; normalised): a lexicon
   * term whose key is one of them would match everywhere, and is warned about.
   */
  default Set<String> stopwords() {
    return Set.of();
  }
}

package org.framelens.common.lexicon;

/** One lexicon row: a term of a frame in a language, with its line in the lexicon file. */
public record LexiconEntry(String frame, String lang, String term, int line) {}

package org.framelens.common.lexicon.lang;

/** One word of a paragraph: its text as the tokenizer gave it and its offsets in the paragraph. */
public record WordToken(String text, int start, int end) {}

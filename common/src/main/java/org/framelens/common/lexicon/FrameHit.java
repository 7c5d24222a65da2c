package org.framelens.common.lexicon;

/**
 * One occurrence of a lexicon term.
 *
 * @param section {@code title} or {@code body}
 * @param start offset of the match in the section's text (inclusive)
 * @param end offset of the match in the section's text (exclusive)
 */
public record FrameHit(
    String frame,
    String lang,
    String term,
    String matchedText,
    String section,
    int start,
    int end,
    String voice,
    String snippet) {}

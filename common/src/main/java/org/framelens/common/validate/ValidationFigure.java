package org.framelens.common.validate;

/**
 * One row of the {@code lexicon_validation} table: the figures of one scope (a language, a frame in
 * a language, or a term). Doubles are NaN when there is nothing to compute them from (the table
 * stores null then).
 *
 * @param scope all, language, frame (a frame in a language) or term
 * @param hitItems hit items of the scope answered by at least one coder
 * @param correct of those, items the coders judged correct (majority of correct/wrong)
 * @param wrong items judged wrong
 * @param unresolved items only judged unsure, or with as many correct as wrong judgements
 * @param paragraphItems coded paragraph items (paragraphs without hits) of the language
 * @param paragraphsWithFrame of those, paragraphs in which the coders found the frame (for a
 *     language: any frame)
 * @param coders distinct coders who answered items of the scope
 * @param alphaUnits hit items with two or more pairable judgements (correct or wrong)
 */
public record ValidationFigure(
    String scope,
    String lang,
    String frame,
    String term,
    long hitItems,
    long correct,
    long wrong,
    long unresolved,
    double precision,
    double precisionCiLow,
    double precisionCiHigh,
    long paragraphItems,
    long paragraphsWithFrame,
    double missRate,
    double missRateCiLow,
    double missRateCiHigh,
    int coders,
    int alphaUnits,
    double alpha,
    double paragraphAlpha,
    double threshold,
    boolean belowThreshold) {}

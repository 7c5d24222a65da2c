package org.framelens.jobs.report;

/**
 * A row of lexicon_validation as the report shows it; doubles are NaN when the table has null.
 *
 * @param judged hits judged correct or wrong
 */
public record ValidationRow(
    String scope,
    String lang,
    String frame,
    String term,
    long judged,
    double precision,
    double precisionLow,
    double precisionHigh,
    long paragraphs,
    double missRate,
    double alpha,
    double threshold,
    boolean belowThreshold) {}

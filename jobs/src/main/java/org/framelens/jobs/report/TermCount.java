package org.framelens.jobs.report;

/** How often an outlet used one lexicon term of a frame (from frame_terms). */
public record TermCount(
    String frame, String outlet, String lang, String term, long hits, long quoted) {}

package org.framelens.jobs.report;

/**
 * One row of story_contrasts for the report (run period): an outlet against another (or all others)
 * on one frame, with the story held fixed.
 */
public record StoryContrast(
    String frame,
    String outletA,
    String outletB,
    long storiesShared,
    Double orMh,
    Double orMhCiLow,
    Double orMhCiHigh,
    double shareDifference,
    double selectionPart,
    double framingPart) {}

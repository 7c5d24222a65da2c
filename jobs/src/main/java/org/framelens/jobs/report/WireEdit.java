package org.framelens.jobs.report;

/**
 * How often an outlet made one edit to wire copy (from copy_edits): a term replaced by another, a
 * term added or removed; {@code copies} and {@code copiesEdited} are the outlet's copies compared
 * and those with any edit.
 */
public record WireEdit(
    String outlet,
    String kind,
    String frameOriginal,
    String termOriginal,
    String frameCopy,
    String termCopy,
    long edits,
    long copies,
    long copiesEdited) {}

/**
 * Stage: the articles, frame_hits and quarantine tables derived from the processing pass ({@link
 * ArticleTables}), near-duplicate marks ({@link Syndication}) and hits of stored text ({@link
 * StoredTextTagging}). Dataset-to-dataset functions without I/O.
 */
package org.framelens.jobs.articles;

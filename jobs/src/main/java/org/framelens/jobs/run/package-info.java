/**
 * {@code run}: one pass over a set of crawl inputs into a fresh set of tables (articles,
 * frame_hits, quarantine, outlet_coverage and the comparison tables), with a summary of every
 * outcome.
 */
package org.framelens.jobs.run;

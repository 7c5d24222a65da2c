/**
 * {@code nightly}: one crawl date into a store that lives for months. The planner decides skip,
 * retag or parse from the runs ledger; the writer lock keeps a second writer out; the output commit
 * publishes the night's tables through a journal, so that a failure never loses published data.
 */
package org.framelens.jobs.nightly;

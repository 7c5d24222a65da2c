/**
 * The user commands (picocli): each parses its options into an immutable settings record, calls one
 * job and prints its summary. Shared options are mixins ({@link SparkOptions}, {@link
 * LexiconOptions}, {@link ProcessingOptions}); exit codes are mapped in {@link ExitCodes} only.
 */
package org.framelens.jobs.cli;

package org.framelens.jobs;

import org.framelens.common.pipeline.ProcessingConfig;
import picocli.CommandLine.Option;

/**
 * The options {@code run} and {@code nightly} declare alike, descriptions included; those whose
 * description differs between the two stay in each command.
 */
final class CommonJobOptions {
  @Option(
      names = "--outlets",
      paramLabel = "FILE",
      description = "Outlet registry CSV: domain,outlet,name,country,language,type.")
  String outlets;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (default: local[*], or what spark-submit sets).")
  String master;

  @Option(
      names = "--max-document-bytes",
      paramLabel = "N",
      description = "Larger documents are quarantined (default: ${DEFAULT-VALUE}).")
  long maxDocumentBytes = ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES;
}

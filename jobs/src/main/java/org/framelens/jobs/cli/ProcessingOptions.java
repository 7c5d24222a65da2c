package org.framelens.jobs.cli;

import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.jobs.ingest.ProcessingSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of the commands that process input ({@code run}, {@code nightly}), declared once;
 * {@link #settings} turns them into the one settings record the jobs take.
 */
public final class ProcessingOptions {
  @Mixin LexiconOptions lexicon;

  @Option(
      names = "--outlets",
      paramLabel = "FILE",
      description = "Outlet registry CSV: domain,outlet,name,country,language,type.")
  String outlets;

  @Option(
      names = "--max-document-bytes",
      paramLabel = "N",
      description = "Larger documents are quarantined (default: ${DEFAULT-VALUE}).")
  long maxDocumentBytes = ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES;

  @Option(
      names = "--max-text-chars",
      paramLabel = "N",
      description =
          "Extracted text is cut at this length; the article is kept, flagged (default:"
              + " ${DEFAULT-VALUE}).")
  int maxTextChars = ProcessingConfig.DEFAULT_MAX_TEXT_CHARS;

  @Option(
      names = "--parse-timeout-ms",
      paramLabel = "MS",
      description =
          "A parse running longer is stopped, the document quarantined (default:"
              + " ${DEFAULT-VALUE}).")
  long parseTimeoutMillis = ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS;

  @Option(
      names = "--near-duplicate-days",
      paramLabel = "DAYS",
      description =
          "Near-duplicates (wire copies) published further apart are not linked (default:"
              + " ${DEFAULT-VALUE}).")
  int nearDuplicateDays = NearDuplicates.Window.DEFAULT_DAYS;

  @Option(
      names = "--follow-symlinks",
      description =
          "Follow symbolic links under an input folder that resolve inside it (each real folder"
              + " and file once); without it no link is followed. A skipped link is a quarantine"
              + " row.")
  boolean followSymlinks;

  /** Sets what the input listing reads from the Hadoop configuration. */
  public void applyTo(org.apache.hadoop.conf.Configuration conf) {
    conf.setBoolean(org.framelens.jobs.ingest.InputListing.FOLLOW_SYMLINKS, followSymlinks);
  }

  public ProcessingSettings settings() {
    return new ProcessingSettings(
        lexicon.lexicon,
        outlets,
        lexicon.languages,
        maxDocumentBytes,
        maxTextChars,
        parseTimeoutMillis,
        nearDuplicateDays);
  }

  public boolean includeCopies() {
    return lexicon.includeCopies;
  }
}

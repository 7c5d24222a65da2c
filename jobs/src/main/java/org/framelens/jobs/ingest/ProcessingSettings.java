package org.framelens.jobs.ingest;

import java.util.List;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.pipeline.ProcessingConfig;

/**
 * The settings that decide what a record becomes, shared by {@code run}, {@code nightly} and {@code
 * retag} (the options come from one picocli mixin).
 *
 * @param lexicon lexicon TSV path, or null for the bundled default lexicon
 * @param outlets outlet registry CSV path, or null for none
 * @param languages languages Lingua chooses between, or empty for the lexicon's and common ones
 * @param maxDocumentBytes larger documents are quarantined
 * @param maxTextChars longer texts are cut (and the cut recorded)
 * @param parseTimeoutMillis a document whose parse takes longer is quarantined
 * @param nearDuplicateDays near-duplicates published further apart are not linked
 */
public record ProcessingSettings(
    String lexicon,
    String outlets,
    List<String> languages,
    long maxDocumentBytes,
    int maxTextChars,
    long parseTimeoutMillis,
    int nearDuplicateDays) {
  public ProcessingSettings {
    languages = List.copyOf(languages);
    NearDuplicates.Window.days(nearDuplicateDays); // validates
  }

  /** How far apart near-duplicates may be published to be linked. */
  public NearDuplicates.Window nearDuplicateWindow() {
    return NearDuplicates.Window.days(nearDuplicateDays);
  }

  /** The bundled lexicon, no registry, default languages and limits. */
  public static ProcessingSettings defaults() {
    return new ProcessingSettings(
        null,
        null,
        List.of(),
        ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
        ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
        ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS,
        NearDuplicates.Window.DEFAULT_DAYS);
  }

  public ProcessingSettings withLexicon(String lexiconPath) {
    return new ProcessingSettings(
        lexiconPath,
        outlets,
        languages,
        maxDocumentBytes,
        maxTextChars,
        parseTimeoutMillis,
        nearDuplicateDays);
  }

  public ProcessingSettings withOutlets(String outletsPath) {
    return new ProcessingSettings(
        lexicon,
        outletsPath,
        languages,
        maxDocumentBytes,
        maxTextChars,
        parseTimeoutMillis,
        nearDuplicateDays);
  }

  public ProcessingSettings withLanguages(List<String> langs) {
    return new ProcessingSettings(
        lexicon,
        outlets,
        langs,
        maxDocumentBytes,
        maxTextChars,
        parseTimeoutMillis,
        nearDuplicateDays);
  }

  public ProcessingSettings withNearDuplicateDays(int days) {
    return new ProcessingSettings(
        lexicon, outlets, languages, maxDocumentBytes, maxTextChars, parseTimeoutMillis, days);
  }
}

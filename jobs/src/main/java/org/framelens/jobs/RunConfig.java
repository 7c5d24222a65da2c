package org.framelens.jobs;

import java.util.List;

/**
 * Options of {@code run}, immutable.
 *
 * @param lexicon lexicon TSV path, or null for the bundled default lexicon
 * @param outlets outlet registry CSV path, or null for none
 * @param languages languages Lingua chooses between, or empty for the default set
 * @param includeCopies count near-duplicate copies in the comparison tables too
 * @param parseTimeoutMillis a document whose parse takes longer is quarantined
 */
public record RunConfig(
    List<String> inputs,
    String output,
    String lexicon,
    String outlets,
    List<String> languages,
    long maxDocumentBytes,
    int maxTextChars,
    boolean includeCopies,
    long parseTimeoutMillis) {
  public RunConfig {
    inputs = List.copyOf(inputs);
    languages = List.copyOf(languages);
  }

  /** With the default parse timeout. */
  public RunConfig(
      List<String> inputs,
      String output,
      String lexicon,
      String outlets,
      List<String> languages,
      long maxDocumentBytes,
      int maxTextChars,
      boolean includeCopies) {
    this(
        inputs,
        output,
        lexicon,
        outlets,
        languages,
        maxDocumentBytes,
        maxTextChars,
        includeCopies,
        org.framelens.common.pipeline.ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS);
  }

  /** Every input into output with the bundled lexicon, no outlet registry and default limits. */
  public static RunConfig withDefaults(List<String> inputs, String output) {
    return new RunConfig(
        inputs,
        output,
        null,
        null,
        List.of(),
        org.framelens.common.pipeline.ProcessingConfig.DEFAULT_MAX_DOCUMENT_BYTES,
        org.framelens.common.pipeline.ProcessingConfig.DEFAULT_MAX_TEXT_CHARS,
        false);
  }
}

package org.framelens.common.pipeline;

import java.io.Serializable;
import java.util.List;

/**
 * Everything an executor needs to build its per-JVM resources, shipped from the driver as plain
 * values (the heavy objects are built from it on each executor, never serialized).
 *
 * @param lexiconText the lexicon file's content
 * @param lexiconSource where it came from, for messages
 * @param outletRegistryCsv the outlet registry's content, or null for none
 * @param detectLanguages ISO 639-1 codes Lingua chooses between
 * @param parseTimeoutMillis a parse running longer is stopped and its document quarantined
 */
public record ProcessingConfig(
    String lexiconText,
    String lexiconSource,
    String outletRegistryCsv,
    List<String> detectLanguages,
    long maxDocumentBytes,
    int maxTextChars,
    long parseTimeoutMillis)
    implements Serializable {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
  public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 30_000;

  public ProcessingConfig {
    detectLanguages = List.copyOf(detectLanguages);
  }
}

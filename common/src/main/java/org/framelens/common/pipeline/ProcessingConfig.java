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
 */
public record ProcessingConfig(
    String lexiconText,
    String lexiconSource,
    String outletRegistryCsv,
    List<String> detectLanguages,
    long maxDocumentBytes,
    int maxTextChars)
    implements Serializable {

  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 50L * 1024 * 1024;
  public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;

  public ProcessingConfig {
    detectLanguages = List.copyOf(detectLanguages);
  }
}

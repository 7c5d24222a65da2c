package org.framelens.common.input;

import java.time.Instant;

/** What reading one input record gave: a document, a deliberate skip, or a failure. */
public sealed interface ReadOutcome {

  /** A document to parse. */
  record Document(RawDocument document) implements ReadOutcome {}

  /**
   * A record that is not an article by design (a request record, a 404, an image...); counted in
   * the run summary by reason.
   */
  record Skipped(String sourceFile, long sourceOffset, String url, String reason)
      implements ReadOutcome {}

  /** A record or file that could not be read; becomes a quarantine row of stage {@code read}. */
  record Failed(
      String sourceFile,
      Long sourceOffset,
      String url,
      Instant crawlTime,
      String errorClass,
      String message)
      implements ReadOutcome {

    /** An input file without a single byte: recorded, so no input goes unaccounted for. */
    public static Failed emptyFile(String sourceFile, Instant modified) {
      return new Failed(sourceFile, null, null, modified, "empty_file", "the file is empty");
    }

    /** A document over the size limit. */
    public static Failed tooLarge(
        String sourceFile, Long sourceOffset, String url, Instant crawlTime, long limit) {
      return new Failed(
          sourceFile,
          sourceOffset,
          url,
          crawlTime,
          "too_large",
          "document larger than the limit of " + limit + " bytes");
    }
  }
}

package org.framelens.common.pipeline;

import java.time.LocalDate;

/** One row of the {@code quarantine} table. */
public record QuarantineRecord(
    String sourceFile,
    Long sourceOffset,
    String url,
    String stage,
    String errorClass,
    String message,
    LocalDate crawlDate) {

  public static final String READ = "read";
  public static final String PARSE = "parse";
  public static final String DETECT = "detect";
  public static final String TAG = "tag";
  public static final String WRITE = "write";

  /**
   * The record was kept, with a substitute for something unreadable (a WARC-Date that does not
   * parse, a declared Content-Encoding the body does not have); the message says what.
   */
  public static final String FALLBACK = "fallback";
}

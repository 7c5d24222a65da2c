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
}

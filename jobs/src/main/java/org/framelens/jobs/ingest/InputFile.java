package org.framelens.jobs.ingest;

import java.io.Serializable;
import java.time.Instant;

/**
 * One input file found on the driver, with what its folder says about it.
 *
 * @param path fully qualified Hadoop path (file:, hdfs:, s3a: ...)
 * @param outlet outlet from the manifest or the first folder level under the input root; null for
 *     WARC files and for files directly in the root
 * @param url URL from the manifest, or null
 * @param start first byte to read (a record start) when the file is split, else 0
 * @param end byte after the last one to read when the file is split, else -1 (the whole file)
 * @param skipped why the listing did not read this path (a symbolic link it did not follow): the
 *     path becomes one quarantine row with this error class and message; null for an input
 */
public record InputFile(
    String path,
    long size,
    Instant modified,
    String outlet,
    String url,
    Instant published,
    long start,
    long end,
    Skip skipped)
    implements Serializable {

  /** Why a listed path is not read: the quarantine row's error class and message. */
  public record Skip(String errorClass, String message) implements Serializable {}

  /** A path the listing found but does not read. */
  public static InputFile skipped(String path, Instant modified, Skip why) {
    return new InputFile(path, 0, modified, null, null, null, 0, -1, why);
  }

  /** The whole file. */
  public InputFile(
      String path, long size, Instant modified, String outlet, String url, Instant published) {
    this(path, size, modified, outlet, url, published, 0, -1, null);
  }

  /** Whether this is a byte range of a split WARC file rather than the whole file. */
  public boolean isRange() {
    return end >= 0;
  }

  /** Bytes this task reads. */
  public long bytes() {
    return isRange() ? end - start : size;
  }

  InputFile range(long from, long to) {
    return new InputFile(path, size, modified, outlet, url, published, from, to, skipped);
  }
}

package org.framelens.jobs;

import java.io.Serializable;
import java.time.Instant;

/**
 * One input file found on the driver, with what its folder says about it.
 *
 * @param path fully qualified Hadoop path (file:, hdfs:, s3a: ...)
 * @param outlet outlet from the manifest or the first folder level under the input root; null for
 *     WARC files and for files directly in the root
 * @param url URL from the manifest, or null
 */
public record InputFile(
    String path, long size, Instant modified, String outlet, String url, Instant published)
    implements Serializable {}

package org.framelens.common.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Where a WARC file can be split so that several tasks read it side by side. A {@code .warc.gz}
 * written by a crawler compresses every record as its own gzip member, so any member start is a
 * record start: a reader that seeks there reads whole records. Split points are found by looking,
 * from each multiple of the split size, for the next gzip header (1f 8b 08) whose member
 * decompresses to "WARC/" — a few kilobytes read per split point, no pass over the whole file
 * (which an offset index built by decompressing would need). In an uncompressed {@code .warc} a
 * record start is a line "WARC/1.x" after the blank lines that end the previous record, confirmed
 * by its Content-Length pointing at the end of a record.
 */
public final class WarcSplits {
  private WarcSplits() {}

  /** Random access to a file's bytes (Hadoop's {@code PositionedReadable} fits). */
  public interface PositionedBytes {
    /** Reads up to {@code len} bytes at {@code position}; -1 at the end of the file. */
    int read(long position, byte[] buf, int off, int len) throws IOException;
  }

  private static final int WINDOW = 64 * 1024;

  /**
   * Start offsets of the ranges to read: always 0, then the first record start at or after each
   * multiple of {@code splitBytes} (duplicates and the end of the file dropped).
   */
  public static List<Long> starts(PositionedBytes file, long length, long splitBytes)
      throws IOException {
    return starts(file, length, splitBytes, WarcSplits::nextRecordStart);
  }

  /** As {@link #starts}, for an uncompressed {@code .warc}. */
  public static List<Long> uncompressedStarts(PositionedBytes file, long length, long splitBytes)
      throws IOException {
    return starts(file, length, splitBytes, WarcSplits::nextUncompressedRecordStart);
  }

  private interface StartFinder {
    long next(PositionedBytes file, long from, long length) throws IOException;
  }

  private static List<Long> starts(
      PositionedBytes file, long length, long splitBytes, StartFinder finder) throws IOException {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    if (splitBytes <= 0) {
      return starts;
    }
    for (long target = splitBytes; target < length; target += splitBytes) {
      long from = Math.max(target, starts.get(starts.size() - 1) + 1);
      long found = finder.next(file, from, length);
      if (found < 0) {
        break;
      }
      if (found > starts.get(starts.size() - 1)) {
        starts.add(found);
      }
      target = Math.max(target, found - found % splitBytes);
    }
    return starts;
  }

  /** The first record start at or after {@code from}, or -1. */
  static long nextRecordStart(PositionedBytes file, long from, long length) throws IOException {
    byte[] buf = new byte[WINDOW + 2];
    long pos = from;
    while (pos < length) {
      int n = readFully(file, pos, buf, (int) Math.min(buf.length, length - pos));
      if (n < 3) {
        return -1;
      }
      for (int i = 0; i + 2 < n; i++) {
        if ((buf[i] & 0xff) == 0x1f && (buf[i + 1] & 0xff) == 0x8b && buf[i + 2] == 8) {
          if (startsWarcRecord(file, pos + i, length)) {
            return pos + i;
          }
        }
      }
      pos += n - 2; // a header may straddle two windows
    }
    return -1;
  }

  private static final byte[] VERSION = "WARC/1.".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_HEADER = 64 * 1024;

  /** The first record start of an uncompressed WARC at or after {@code from}, or -1. */
  static long nextUncompressedRecordStart(PositionedBytes file, long from, long length)
      throws IOException {
    byte[] buf = new byte[WINDOW];
    long pos = Math.max(0, from - 4);
    while (pos < length) {
      int n = readFully(file, pos, buf, (int) Math.min(buf.length, length - pos));
      if (n < 4 + VERSION.length) {
        return -1;
      }
      for (int i = 4; i + VERSION.length <= n; i++) {
        if (pos + i >= from
            && buf[i] == 'W'
            && buf[i - 4] == '\r'
            && buf[i - 3] == '\n'
            && buf[i - 2] == '\r'
            && buf[i - 1] == '\n'
            && startsWith(buf, i, VERSION)
            && isUncompressedRecord(file, pos + i, length)) {
          return pos + i;
        }
      }
      if (pos + n >= length) {
        return -1;
      }
      pos += n - 4 - VERSION.length; // a start may straddle two windows
    }
    return -1;
  }

  private static boolean startsWith(byte[] buf, int at, byte[] prefix) {
    for (int k = 0; k < prefix.length; k++) {
      if (buf[at + k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a record header starts at {@code at}: its header block ends within 64 KB and its
   * Content-Length leads to the CRLF CRLF that closes a record (text in a payload that merely looks
   * like a record start fails this).
   */
  private static boolean isUncompressedRecord(PositionedBytes file, long at, long length)
      throws IOException {
    byte[] head = new byte[(int) Math.min(MAX_HEADER, length - at)];
    int n = readFully(file, at, head, head.length);
    String header = new String(head, 0, n, StandardCharsets.ISO_8859_1);
    int end = header.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    long contentLength = -1;
    for (String line : header.substring(0, end).split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
        try {
          contentLength = Long.parseLong(line.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    if (contentLength < 0) {
      return false;
    }
    long recordEnd = at + end + 4 + contentLength;
    if (recordEnd + 4 > length) {
      return recordEnd <= length;
    }
    byte[] tail = new byte[4];
    return readFully(file, recordEnd, tail, 4) == 4
        && tail[0] == '\r'
        && tail[1] == '\n'
        && tail[2] == '\r'
        && tail[3] == '\n';
  }

  private static boolean startsWarcRecord(PositionedBytes file, long at, long length)
      throws IOException {
    byte[] head = new byte[(int) Math.min(8 * 1024, length - at)];
    int n = readFully(file, at, head, head.length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(head, 0, n))) {
      byte[] magic = in.readNBytes(5);
      return new String(magic, StandardCharsets.US_ASCII).equals("WARC/");
    } catch (IOException | RuntimeException notAMemberStart) {
      return false;
    }
  }

  private static int readFully(PositionedBytes file, long pos, byte[] buf, int len)
      throws IOException {
    int total = 0;
    while (total < len) {
      int n = file.read(pos + total, buf, total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}

package org.framelens.common.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Finds where reading can go on after a broken stretch of a crawl file (a corrupt gzip member,
 * garbage between records, a record whose declared length is wrong): the next gzip member that
 * decompresses to a WARC or ARC record header, or the next line that starts one in an uncompressed
 * file. This is what warcio's and jwat's recovery modes do; jwarc has none.
 */
public final class RecordResync {
  private RecordResync() {}

  /** Opens the file again at a byte offset. */
  @FunctionalInterface
  public interface Reopener {
    InputStream openAt(long offset) throws IOException;
  }

  private static final int WINDOW = 64 * 1024;
  private static final int HEAD = 2048;

  /**
   * An ARC record header line: URL, IP, 14-digit date, then the other fields of ARC v1 (mime,
   * length) or v2 (mime, status, checksum, location, offset, filename, length).
   */
  private static final Pattern ARC_HEADER =
      Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:\\S* \\S+ \\d{14} \\S+( \\S+)* \\d+\\r?$");

  /**
   * The first record start in {@code [from, end)}, or -1. {@code end} is the file's length or the
   * end of the range being read (a start at or after it belongs to the next range).
   */
  public static long nextRecordStart(Reopener file, long from, long end) throws IOException {
    try (InputStream in = file.openAt(from)) {
      byte[] buf = new byte[WINDOW + HEAD];
      int have = 0;
      long bufStart = from;
      boolean eof = false;
      byte prev = '\n';
      while (true) {
        while (!eof && have < buf.length) {
          int n = in.read(buf, have, buf.length - have);
          if (n < 0) {
            eof = true;
          } else {
            have += n;
          }
        }
        int scanUpTo = eof ? have : Math.min(have, WINDOW);
        for (int i = 0; i < scanUpTo; i++) {
          long at = bufStart + i;
          if (end >= 0 && at >= end) {
            return -1;
          }
          byte before = i == 0 ? prev : buf[i - 1];
          if (isStart(buf, i, have, before)) {
            return at;
          }
        }
        if (eof) {
          return -1;
        }
        prev = buf[scanUpTo - 1];
        System.arraycopy(buf, scanUpTo, buf, 0, have - scanUpTo);
        have -= scanUpTo;
        bufStart += scanUpTo;
      }
    }
  }

  private static boolean isStart(byte[] buf, int i, int have, byte before) {
    int b = buf[i] & 0xff;
    if (b == 0x1f) {
      return i + 2 < have
          && (buf[i + 1] & 0xff) == 0x8b
          && buf[i + 2] == 8
          && startsRecord(gunzipHead(buf, i, have));
    }
    if ((before == '\n') && (b == 'W' || Character.isLetter(b))) {
      return startsRecord(java.util.Arrays.copyOfRange(buf, i, Math.min(have, i + HEAD)));
    }
    return false;
  }

  private static byte[] gunzipHead(byte[] buf, int i, int have) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(buf, i, have - i))) {
      return in.readNBytes(HEAD);
    } catch (IOException | RuntimeException notAMember) {
      return new byte[0];
    }
  }

  /** Whether these bytes begin a WARC record ("WARC/1.0" ...) or an ARC record header line. */
  static boolean startsRecord(byte[] head) {
    if (head.length >= 7
        && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("WARC/")
        && Character.isDigit(head[5])) {
      return true;
    }
    int nl = 0;
    while (nl < head.length && head[nl] != '\n') {
      nl++;
    }
    if (nl == head.length || nl < 20) {
      return false;
    }
    return ARC_HEADER.matcher(new String(head, 0, nl, StandardCharsets.ISO_8859_1)).matches();
  }
}

package org.framelens.common.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Removes a declared HTTP {@code Content-Encoding} the way pywb and warcio do: decode when the
 * bytes are encoded, keep the stored bytes when they are not. Crawlers often store a body already
 * decoded while keeping the server's {@code Content-Encoding: gzip} header (ClueWeb09 does it for
 * every response, wabac.js too), and a strict decoder would lose every such page.
 */
public final class ContentEncodings {
  private ContentEncodings() {}

  /**
   * The payload after decoding.
   *
   * @param bytes the payload without encoding, or null when the decoded payload exceeds the limit
   * @param note null when the bytes were decoded as declared (or nothing was declared); otherwise
   *     why the stored bytes were kept (declared encoding absent, unknown, or broken)
   */
  public record Decoded(byte[] bytes, String note) {}

  /** Decodes {@code body} per the declared encoding (null or blank: none), at most limit bytes. */
  public static Decoded decode(byte[] body, String declared, long limit) {
    String enc = declared == null ? "" : declared.trim().toLowerCase(Locale.ROOT);
    if (enc.isEmpty() || enc.equals("identity") || enc.equals("none") || body.length == 0) {
      return new Decoded(body, null);
    }
    if (enc.contains(",")) {
      // stacked encodings ("gzip, gzip") are applied in order; decode the outermost last-listed
      String[] parts = enc.split(",");
      Decoded d = new Decoded(body, null);
      for (int i = parts.length - 1; i >= 0 && d.bytes() != null; i--) {
        Decoded next = decode(d.bytes(), parts[i], limit);
        d = new Decoded(next.bytes(), next.note() != null ? next.note() : d.note());
      }
      return d;
    }
    try {
      switch (enc) {
        case "gzip", "x-gzip" -> {
          if (!isGzip(body)) {
            return new Decoded(
                body, "declared Content-Encoding gzip, but the body is stored decoded");
          }
          return inflate(new GZIPInputStream(new ByteArrayInputStream(body)), body, enc, limit);
        }
        case "deflate" -> {
          // servers send either zlib-wrapped (RFC 1950, as the standard says) or raw deflate
          boolean zlib = isZlib(body);
          return inflate(
              new InflaterInputStream(new ByteArrayInputStream(body), new Inflater(!zlib)),
              body,
              enc,
              limit);
        }
        case "br" -> {
          return inflate(new BrotliInputStream(new ByteArrayInputStream(body)), body, enc, limit);
        }
        default -> {
          return new Decoded(
              body, "unsupported Content-Encoding '" + enc + "', body kept as stored");
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Decoded(body, "declared Content-Encoding " + enc + " does not decode: " + e);
    }
  }

  /**
   * Decodes the stream; a stream that fails before giving any byte means the body was not encoded
   * (kept as stored), a stream that fails later is a truncated body (the decoded part is kept).
   */
  private static Decoded inflate(InputStream in, byte[] stored, String enc, long limit) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(stored.length * 3);
    byte[] buf = new byte[16 * 1024];
    try (InputStream decoding = in) {
      int n;
      while ((n = decoding.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > limit) {
          return new Decoded(null, null);
        }
      }
      return new Decoded(out.toByteArray(), null);
    } catch (IOException | RuntimeException e) {
      // brotli and raw deflate have no magic number: text that fails to decode was stored decoded
      if (out.size() == 0 || (!enc.contains("gzip") && looksLikeText(stored))) {
        return new Decoded(
            stored,
            "declared Content-Encoding " + enc + " does not decode, body kept as stored: " + e);
      }
      return new Decoded(
          out.toByteArray(),
          "body encoded with " + enc + " is cut short, the decoded part is kept: " + e);
    }
  }

  /** No NUL and hardly any control bytes in the first 512 bytes: markup or text, not encoded. */
  static boolean looksLikeText(byte[] b) {
    int n = Math.min(512, b.length);
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return false;
      }
      if (c < 0x09 || (c > 0x0d && c < 0x20)) {
        control++;
      }
    }
    return control * 20 <= n;
  }

  static boolean isGzip(byte[] b) {
    return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
  }

  /** A zlib header: compression method 8 and a header checksum divisible by 31. */
  static boolean isZlib(byte[] b) {
    return b.length >= 2 && (b[0] & 0x0f) == 8 && (((b[0] & 0xff) << 8) | (b[1] & 0xff)) % 31 == 0;
  }
}

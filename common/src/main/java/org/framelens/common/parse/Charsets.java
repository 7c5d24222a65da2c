package org.framelens.common.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.HtmlEncodingDetector;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * Chooses the charset of an HTML or text payload: a byte-order mark, then the HTTP header's
 * charset, then the document's own declaration (meta), then statistical detection, then UTF-8.
 */
public final class Charsets {
  private final HtmlEncodingDetector metaDetector = new HtmlEncodingDetector();
  private final UniversalEncodingDetector statisticalDetector = new UniversalEncodingDetector();

  public Charset choose(byte[] bytes, String headerCharset) {
    Charset bom = fromByteOrderMark(bytes);
    if (bom != null) {
      return bom;
    }
    Charset header = forName(headerCharset);
    if (header != null) {
      return header;
    }
    Charset meta = detect(metaDetector, bytes);
    if (meta != null) {
      return meta;
    }
    Charset detected = detect(statisticalDetector, bytes);
    return detected != null ? detected : StandardCharsets.UTF_8;
  }

  private static Charset detect(org.apache.tika.detect.EncodingDetector detector, byte[] bytes) {
    try {
      return detector.detect(new ByteArrayInputStream(bytes), new Metadata());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A charset by its label (HTML labels for Latin-1 mean windows-1252); null when unknown. */
  public static Charset forName(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String n = name.trim();
    // Browsers treat these labels as windows-1252 (WHATWG Encoding Standard); so do we.
    if (n.equalsIgnoreCase("iso-8859-1")
        || n.equalsIgnoreCase("latin1")
        || n.equalsIgnoreCase("us-ascii")) {
      n = "windows-1252";
    }
    try {
      return Charset.forName(n);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static Charset fromByteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /** Decodes, dropping a leading byte-order mark; invalid sequences become U+FFFD. */
  public static String decode(byte[] bytes, Charset charset) {
    String s = new String(bytes, charset);
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }
}

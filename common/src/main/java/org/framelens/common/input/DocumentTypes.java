package org.framelens.common.input;

import java.util.Locale;
import java.util.Set;

/** Which media types are documents worth parsing as articles. */
public final class DocumentTypes {
  private DocumentTypes() {}

  private static final Set<String> DOCUMENT_TYPES =
      Set.of(
          "text/html",
          "application/xhtml+xml",
          "application/pdf",
          "application/msword",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/vnd.oasis.opendocument.text",
          "application/rtf",
          "text/rtf",
          "text/plain");

  /** Types that say nothing about the content; the parser's detection decides. */
  private static final Set<String> UNSPECIFIC_TYPES =
      Set.of("application/octet-stream", "binary/octet-stream", "application/unknown");

  /** The base media type (no parameters), lower case; null for null or blank input. */
  public static String baseType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semi = contentType.indexOf(';');
    String base = semi < 0 ? contentType : contentType.substring(0, semi);
    return base.trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isDocument(String contentType) {
    String base = baseType(contentType);
    return base != null && DOCUMENT_TYPES.contains(base);
  }

  /** True when the declared type is absent or generic, so content detection must decide. */
  public static boolean isUnspecific(String contentType) {
    String base = baseType(contentType);
    return base == null || UNSPECIFIC_TYPES.contains(base);
  }

  /** The charset parameter of a content type, or null. */
  public static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        String value = p.substring(8).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}

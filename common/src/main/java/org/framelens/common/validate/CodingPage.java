package org.framelens.common.validate;

import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

/**
 * The self-contained HTML coding page for a sheet: the items are embedded as JSON in the page
 * (resource {@code /framelens/coding-page.html}); it needs no network and no server, keeps the
 * coder's work in the browser's storage, and saves the filled sheet as CSV with the sheet's
 * columns.
 */
public final class CodingPage {
  private CodingPage() {}

  static final String RESOURCE = "/framelens/coding-page.html";
  static final String PLACEHOLDER = "/*FRAMELENS_SHEET*/";

  /**
   * @param sheetName the CSV's file name (the page saves {@code NAME-CODER.csv})
   * @param frames the frames a coder can tick for a paragraph, in this order
   */
  public static String render(List<SheetItem> items, Collection<String> frames, String sheetName) {
    String template;
    try (InputStream in = CodingPage.class.getResourceAsStream(RESOURCE)) {
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String csv = CodingSheet.toCsv(items);
    StringBuilder json = new StringBuilder(csv.length() + 1024);
    json.append("{\"sheetName\":").append(string(sheetName));
    json.append(",\"sheetId\":")
        .append(string(Hashing.sha256().hashString(csv, StandardCharsets.UTF_8).toString()));
    json.append(",\"columns\":");
    array(json, SheetItem.COLUMNS);
    json.append(",\"frames\":");
    array(json, List.copyOf(frames));
    json.append(",\"items\":[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      array(json, items.get(i).cells());
    }
    json.append("]}");
    return template.replace(PLACEHOLDER, json.toString());
  }

  private static void array(StringBuilder b, List<String> values) {
    b.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(string(values.get(i)));
    }
    b.append(']');
  }

  /**
   * A JSON string safe inside a script element: {@code <}, {@code >} and {@code &} escaped (no
   * {@code </script>} can end it early), and U+2028/U+2029 too.
   */
  static String string(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

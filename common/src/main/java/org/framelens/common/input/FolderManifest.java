package org.framelens.common.input;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.framelens.common.parse.Dates;

/**
 * The optional {@code manifest.csv} of a document folder: {@code path,url,outlet,published} and an
 * optional {@code crawled} column (when the document was collected: its {@code crawl_time}, else
 * the file's modification time, which a copy or a checkout resets), paths relative to the folder.
 * Every problem is reported with its line number.
 */
public final class FolderManifest {
  public static final String FILE_NAME = "manifest.csv";

  /** What the manifest says of one file; each field may be null. */
  public record Entry(String url, String outlet, Instant published, Instant crawled)
      implements Serializable {
    public Entry(String url, String outlet, Instant published) {
      this(url, outlet, published, null);
    }
  }

  private FolderManifest() {}

  public static Map<String, Entry> parse(String csv, String source) {
    Map<String, Entry> entries = new HashMap<>();
    List<String> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      if (!parser.getHeaderNames().contains("path")) {
        throw new IllegalArgumentException(source + ": header must name a 'path' column");
      }
      for (CSVRecord r : parser) {
        long line = r.getParser().getCurrentLineNumber();
        String path = value(r, "path");
        if (path == null) {
          problems.add("line " + line + ": empty path");
          continue;
        }
        String publishedText = value(r, "published");
        Instant published = Dates.parse(publishedText);
        if (publishedText != null && published == null) {
          problems.add("line " + line + ": unreadable published date '" + publishedText + "'");
          continue;
        }
        String crawledText = value(r, "crawled");
        Instant crawled = Dates.parse(crawledText);
        if (crawledText != null && crawled == null) {
          problems.add("line " + line + ": unreadable crawled time '" + crawledText + "'");
          continue;
        }
        entries.put(
            stripDotSlash(path),
            new Entry(value(r, "url"), value(r, "outlet"), published, crawled));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
    }
    return entries;
  }

  private static String stripDotSlash(String p) {
    return p.startsWith("./") ? p.substring(2) : p;
  }

  private static String value(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String v = r.get(column).strip();
    return v.isEmpty() ? null : v;
  }
}

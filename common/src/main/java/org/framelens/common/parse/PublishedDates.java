package org.framelens.common.parse;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;

/** Finds a page's publication time in its metadata, JSON-LD or time elements. */
final class PublishedDates {
  private PublishedDates() {}

  /** Meta tag names in the order we trust them. */
  private static final List<String> META_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "og:published_time",
          "datePublished",
          "parsely-pub-date",
          "sailthru.date",
          "pubdate",
          "publishdate",
          "publish-date",
          "DC.date.issued",
          "dc.date.issued",
          "dcterms.issued",
          "DC.date",
          "dc.date",
          "date");

  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");
  private static final Pattern JSON_LD_BLOCK =
      Pattern.compile(
          "<script[^>]*application/ld\\+json[^>]*>(.*?)</script>",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TIME_PUBDATE =
      Pattern.compile(
          "<time[^>]*(?:pubdate|itemprop=[\"']datePublished[\"'])[^>]*datetime=[\"']([^\"']+)[\"']"
              + "|<time[^>]*datetime=[\"']([^\"']+)[\"'][^>]*(?:pubdate|itemprop=[\"']datePublished[\"'])",
          Pattern.CASE_INSENSITIVE);

  static Instant fromHtml(Metadata metadata, String html) {
    for (String key : META_KEYS) {
      Instant t = parse(metadata.get(key));
      if (t != null) {
        return t;
      }
    }
    Matcher blocks = JSON_LD_BLOCK.matcher(html);
    while (blocks.find()) {
      Matcher m = JSON_LD_DATE.matcher(blocks.group(1));
      if (m.find()) {
        Instant t = parse(m.group(1));
        if (t != null) {
          return t;
        }
      }
    }
    Matcher time = TIME_PUBDATE.matcher(html);
    if (time.find()) {
      return parse(time.group(1) != null ? time.group(1) : time.group(2));
    }
    return null;
  }

  static Instant parse(String value) {
    return Dates.parse(value);
  }
}

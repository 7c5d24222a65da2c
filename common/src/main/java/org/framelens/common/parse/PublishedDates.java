package org.framelens.common.parse;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds a page's publication time in its meta tags, JSON-LD or time elements. */
final class PublishedDates {
  private PublishedDates() {}

  /** Meta tag names (property, name or itemprop) in the order we trust them. */
  private static final List<String> META_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "og:published_time",
          "datepublished",
          "parsely-pub-date",
          "sailthru.date",
          "pubdate",
          "publishdate",
          "publish-date",
          "publish_date",
          "dc.date.issued",
          "dcterms.issued",
          "dc.date",
          "dcterms.date",
          "date");

  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");

  static Instant fromDocument(Document doc) {
    for (String key : META_KEYS) {
      for (Element meta : doc.select("meta[content]")) {
        String name =
            meta.hasAttr("property")
                ? meta.attr("property")
                : meta.hasAttr("name") ? meta.attr("name") : meta.attr("itemprop");
        if (name.equalsIgnoreCase(key)) {
          Instant t = Dates.parse(meta.attr("content"));
          if (t != null) {
            return t;
          }
        }
      }
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Matcher m = JSON_LD_DATE.matcher(script.data());
      if (m.find()) {
        Instant t = Dates.parse(m.group(1));
        if (t != null) {
          return t;
        }
      }
    }
    for (Element time :
        doc.select(
            "time[itemprop=datePublished], time[pubdate], [itemprop=datePublished][datetime]")) {
      Instant t = Dates.parse(time.attr("datetime"));
      if (t != null) {
        return t;
      }
    }
    return null;
  }
}

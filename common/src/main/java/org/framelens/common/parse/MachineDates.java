package org.framelens.common.parse;

import static org.framelens.common.parse.PublishedDate.JSON_LD;
import static org.framelens.common.parse.PublishedDate.META;
import static org.framelens.common.parse.PublishedDate.SCRIPT;
import static org.framelens.common.parse.PublishedDate.TIME;
import static org.framelens.common.parse.PublishedDate.URL;
import static org.framelens.common.parse.PublishedDate.of;
import static org.framelens.common.parse.PublishedDate.plausible;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The dates a page gives machines: meta tags, JSON-LD, {@code itemprop} and {@code <time datetime>}
 * elements, the data embedded for the page's scripts, and the URL. Each source returns its first
 * plausible date, or null. Stateless, thread-safe.
 */
final class MachineDates {
  private MachineDates() {}

  /** Meta tag names (property, name, itemprop or http-equiv) in the order we trust them. */
  private static final List<String> META_KEYS =
      List.of(
          "article:published_time",
          "og:article:published_time",
          "og:published_time",
          "article:published",
          "og:pubdate",
          "datepublished",
          "parsely-pub-date",
          "cxenseparse:recs:publishtime",
          "sailthru.date",
          "pubdate",
          "publishdate",
          "publish-date",
          "publish_date",
          "dc.date.issued",
          "dcterms.issued",
          "dc.date.created",
          "dcterms.created",
          "dc.date",
          "dcterms.date",
          "date");

  private static final Pattern JSON_LD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{8,40})\"");

  /** Meta names of modification dates, read only to confirm a date shown to readers. */
  private static final List<String> MODIFIED_META_KEYS =
      List.of(
          "article:modified_time",
          "og:updated_time",
          "og:article:modified_time",
          "article:modified",
          "datemodified",
          "lastmod",
          "last-modified",
          "dc.date.modified",
          "dcterms.modified");

  private static final String[] JSON_LD_PUBLISHED = {"datePublished", "dateCreated"};
  private static final String[] JSON_LD_MODIFIED = {"dateModified"};

  /**
   * The page's machine-readable publication dates (every meta tag of {@link #META_KEYS}, JSON-LD
   * datePublished / dateCreated anywhere in the graph, itemprop datePublished / dateCreated, {@code
   * <time datetime>} outside comments), then its modification dates (meta tags, JSON-LD and
   * itemprop dateModified) that are not before the first publication date.
   */
  static List<PublishedDate> machineDates(Document doc) {
    List<PublishedDate> out = new ArrayList<>();
    List<PublishedDate> modified = new ArrayList<>();
    for (Element meta : doc.select("meta[content]")) {
      String key = metaName(meta);
      if (META_KEYS.contains(key)) {
        PublishedDates.add(out, of(meta.attr("content"), META));
      } else if (MODIFIED_META_KEYS.contains(key)) {
        PublishedDates.add(modified, of(meta.attr("content"), META));
      }
    }
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Object root = MainContentJson.parse(script.data());
      MainContentJson.firstInGraph(
          root,
          map -> {
            jsonDates(map, JSON_LD_PUBLISHED, out);
            jsonDates(map, JSON_LD_MODIFIED, modified);
            return null;
          });
    }
    for (Element e : doc.select("[itemprop][datetime], [itemprop][content]")) {
      String prop = e.attr("itemprop");
      String value = e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content");
      if (prop.equals("datePublished") || prop.equals("dateCreated")) {
        PublishedDates.add(out, of(value, e.nameIs("meta") ? META : TIME));
      } else if (prop.equals("dateModified")) {
        PublishedDates.add(modified, of(value, e.nameIs("meta") ? META : TIME));
      }
    }
    for (Element e : doc.select("time[datetime]")) {
      if (!PageText.inCommentsOrQuotes(e) && !e.attr("itemprop").equals("dateModified")) {
        PublishedDates.add(out, of(e.attr("datetime"), TIME));
      }
    }
    LocalDate published = out.isEmpty() ? null : out.get(0).localDate();
    for (PublishedDate m : modified) {
      if (published == null || !m.localDate().isBefore(published)) {
        out.add(m);
      }
    }
    return out;
  }

  private static void jsonDates(Map<?, ?> map, String[] keys, List<PublishedDate> out) {
    for (String k : keys) {
      if (map.get(k) instanceof String s) {
        PublishedDates.add(out, of(s, JSON_LD));
      }
    }
  }

  static PublishedDate fromMeta(Document doc) {
    Map<String, List<String>> byKey = new HashMap<>();
    for (Element meta : doc.select("meta[content]")) {
      byKey.computeIfAbsent(metaName(meta), k -> new ArrayList<>()).add(meta.attr("content"));
    }
    for (String key : META_KEYS) {
      for (String content : byKey.getOrDefault(key, List.of())) {
        PublishedDate d = of(content, META);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  private static String metaName(Element meta) {
    for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
      String v = meta.attr(attr);
      if (!v.isEmpty()) {
        String k = v.trim().toLowerCase(Locale.ROOT);
        return k.startsWith("dc:") || k.startsWith("dcterms:") ? k.replace(':', '.') : k;
      }
    }
    return "";
  }

  static PublishedDate fromJsonLd(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String data = script.data();
      Object root = MainContentJson.parse(data);
      if (root == null) {
        Matcher m = JSON_LD_DATE.matcher(data);
        if (m.find()) {
          PublishedDate d = of(m.group(1), JSON_LD);
          if (d != null) {
            return d;
          }
        }
        continue;
      }
      PublishedDate found =
          MainContentJson.firstInGraph(
              root, map -> map.get("datePublished") instanceof String s ? of(s, JSON_LD) : null);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static PublishedDate fromItemprop(Document doc) {
    for (Element e :
        doc.select("[itemprop=datePublished][datetime], [itemprop=datePublished][content]")) {
      PublishedDate d =
          of(
              e.hasAttr("datetime") ? e.attr("datetime") : e.attr("content"),
              e.nameIs("meta") ? META : TIME);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static PublishedDate fromTimeElements(Document doc) {
    for (Element e : doc.select("time[pubdate][datetime]")) {
      PublishedDate d = of(e.attr("datetime"), TIME);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  static PublishedDate fromAnyTime(Document doc) {
    for (Element e : doc.select("time[datetime]")) {
      if (PageText.inCommentsOrQuotes(e)) {
        continue;
      }
      PublishedDate d = of(e.attr("datetime"), TIME);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /** A publication-date key of the JSON or JavaScript data a page embeds for its own scripts. */
  private static final Pattern SCRIPT_DATE =
      Pattern.compile(
          "[\"'](?:date_?published|published_?(?:date|at|time|on)|publish_?(?:date|time)"
              + "|first_?published_?(?:date|at|time)?)[\"']\\s*:\\s*[\"']([^\"']{8,40})[\"']",
          Pattern.CASE_INSENSITIVE);

  /**
   * The first publication date named in the data a page embeds in its scripts ({@code
   * "published_at":"2019-03-02T06:22:28+01:00"}, {@code "publishedDate": ...}): a fallback for
   * pages that give no date in their markup.
   */
  static PublishedDate fromScriptData(Document doc) {
    for (Element script : doc.select("script")) {
      Matcher m = SCRIPT_DATE.matcher(script.data());
      while (m.find()) {
        PublishedDate d = of(m.group(1), SCRIPT);
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /**
   * Year/month/day path segments, eight digits that read as a date, or a day-month-year date
   * ({@code /29-10-2021}) in the URL.
   */
  private static final Pattern URL_DATE =
      Pattern.compile(
          "/((?:19|20)\\d{2})[/_-]([01]?\\d)[/_-]([0-3]?\\d)(?=[/_.-]|$)"
              + "|[/_-]((?:19|20)\\d{2})([01]\\d)([0-3]\\d)(?=[/_.-]|$)"
              + "|[/_-]([0-3]\\d)[_.-]([01]\\d)[_.-]((?:19|20)\\d{2})(?=[/_.-]|$)");

  static PublishedDate fromUrl(String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    Matcher m = URL_DATE.matcher(url);
    while (m.find()) {
      ZonedDateTime t =
          m.group(1) != null
              ? Dates.date(m.group(1), m.group(2), m.group(3))
              : m.group(4) != null
                  ? Dates.date(m.group(4), m.group(5), m.group(6))
                  : Dates.date(m.group(9), m.group(8), m.group(7));
      if (t != null && plausible(t.toLocalDate())) {
        return new PublishedDate(t.toInstant(), t.toLocalDate(), URL, null);
      }
    }
    return null;
  }
}

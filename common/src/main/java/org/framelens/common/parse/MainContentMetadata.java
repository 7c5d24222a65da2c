package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Title, author, site name and canonical URL of a page, read before the page is cleaned. Stateless,
 * thread-safe.
 */
final class MainContentMetadata {
  private MainContentMetadata() {}

  private static final Pattern TITLE_SEPARATOR =
      Pattern.compile("\\s+[|\\-–—:»·•/]+\\s+|\\s+::\\s+");
  private static final Pattern LEADING_BY =
      Pattern.compile(
          "^(?:by|von|par|por|di|door|av|af|autor(?:in)?:?|author:?)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Set<String> ARTICLE_TYPES =
      Set.of(
          "newsarticle",
          "article",
          "blogposting",
          "reportagenewsarticle",
          "analysisnewsarticle",
          "opinionnewsarticle",
          "reviewnewsarticle",
          "backgroundnewsarticle",
          "scholarlyarticle",
          "techarticle",
          "liveblogposting",
          "posting",
          "socialmediaposting",
          "webpage");

  static String title(Document doc) {
    String og = meta(doc, "meta[property=og:title]");
    if (og == null) {
      og = meta(doc, "meta[name=og:title]");
    }
    String tw = meta(doc, "meta[name=twitter:title]");
    if (tw == null) {
      tw = meta(doc, "meta[property=twitter:title]");
    }
    String tag = MainContentText.collapse(doc.title());
    List<String> h1s = new ArrayList<>();
    for (Element h1 : doc.select("h1")) {
      String t = MainContentText.collapse(h1.text());
      if (t.length() >= 4 && t.length() <= 400) {
        h1s.add(t);
      }
    }
    // An h1 that the page's own title starts with is the headline.
    for (String h1 : h1s) {
      String k = MainContentText.key(h1);
      if (k.length() < 8) {
        continue;
      }
      for (String t : new String[] {og, tw, tag}) {
        if (t != null && MainContentText.key(t).startsWith(k)) {
          return h1;
        }
      }
    }
    for (String t : new String[] {og, tw}) {
      if (t != null && !t.isEmpty()) {
        return stripSiteSuffix(t);
      }
    }
    if (!h1s.isEmpty()) {
      return h1s.get(0);
    }
    return tag.isEmpty() ? null : stripSiteSuffix(tag);
  }

  /**
   * Removes trailing " | Site", " – Site", " - Section" parts that are short compared to the rest.
   */
  static String stripSiteSuffix(String title) {
    String t = MainContentText.collapse(title);
    for (int round = 0; round < 2; round++) {
      var m = TITLE_SEPARATOR.matcher(t);
      int lastStart = -1;
      int lastEnd = -1;
      while (m.find()) {
        lastStart = m.start();
        lastEnd = m.end();
      }
      if (lastStart <= 0) {
        break;
      }
      String head = t.substring(0, lastStart).trim();
      String tail = t.substring(lastEnd).trim();
      if (words(tail) <= 4 && words(head) >= 2 && tail.length() < head.length()) {
        t = head;
      } else {
        break;
      }
    }
    return t;
  }

  private static int words(String s) {
    return s.isEmpty() ? 0 : s.split(" ").length;
  }

  static String author(Document doc) {
    String a = cleanAuthor(meta(doc, "meta[name=author]"));
    if (a != null) {
      return a;
    }
    a = cleanAuthor(meta(doc, "meta[property=article:author]"));
    if (a != null) {
      return a;
    }
    a = cleanAuthor(jsonLdAuthor(doc));
    if (a != null) {
      return a;
    }
    for (Element e : doc.select("a[rel=author], [itemprop=author]")) {
      String t = e.hasAttr("content") ? e.attr("content") : e.text();
      if (e.is("[itemprop=author]")) {
        Element name = e.selectFirst("[itemprop=name]");
        if (name != null) {
          t = name.hasAttr("content") ? name.attr("content") : name.text();
        }
      }
      a = cleanAuthor(t);
      if (a != null) {
        return a;
      }
    }
    for (Element e : doc.select("[class*=byline], [id*=byline], [class*=author], [id*=author]")) {
      if (e.is("body, html, article, main") || e.childrenSize() > 12) {
        continue;
      }
      a = cleanAuthor(e.text());
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  static String cleanAuthor(String raw) {
    if (raw == null) {
      return null;
    }
    String a = MainContentText.collapse(raw);
    if (a.isEmpty()) {
      return null;
    }
    String lower = a.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.")) {
      return null;
    }
    a = LEADING_BY.matcher(a).replaceFirst("").trim();
    if (a.isEmpty() || a.length() > 120) {
      return null;
    }
    return a;
  }

  static String jsonLdAuthor(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      Object root = MainContentJson.parse(script.data());
      if (root == null) {
        continue;
      }
      String names =
          MainContentJson.firstInGraph(
              root,
              map ->
                  isArticle(map.get("@type")) && map.get("author") != null
                      ? names(map.get("author"))
                      : null);
      if (names != null) {
        return names;
      }
    }
    return null;
  }

  private static boolean isArticle(Object type) {
    if (type instanceof String s) {
      return ARTICLE_TYPES.contains(s.toLowerCase(Locale.ROOT).replace("schema:", ""));
    }
    if (type instanceof List<?> l) {
      for (Object o : l) {
        if (isArticle(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String names(Object author) {
    Set<String> out = new LinkedHashSet<>();
    List<Object> items = new ArrayList<>();
    if (author instanceof List<?> l) {
      items.addAll(l);
    } else {
      items.add(author);
    }
    for (Object o : items) {
      String n = null;
      if (o instanceof String s) {
        n = s;
      } else if (o instanceof Map<?, ?> m && m.get("name") instanceof String s) {
        n = s;
      } else if (o instanceof Map<?, ?> m
          && m.get("name") instanceof List<?> l
          && !l.isEmpty()
          && l.get(0) instanceof String s) {
        n = s;
      }
      n = cleanAuthor(n);
      if (n != null) {
        out.add(n);
      }
    }
    return out.isEmpty() ? null : String.join(", ", out);
  }

  /** og:site_name, then the JSON-LD publisher's name, then application-name. */
  static String siteName(Document doc) {
    String s = meta(doc, "meta[property=og:site_name]");
    if (s == null) {
      s = meta(doc, "meta[name=og:site_name]");
    }
    if (s == null) {
      s = jsonLdPublisher(doc);
    }
    if (s == null) {
      s = meta(doc, "meta[name=application-name]");
    }
    return s == null || s.length() > 200 ? null : s;
  }

  static String jsonLdPublisher(Document doc) {
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String name =
          MainContentJson.firstInGraph(
              MainContentJson.parse(script.data()),
              map -> {
                Object publisher = map.get("publisher");
                if (publisher instanceof List<?> l && !l.isEmpty()) {
                  publisher = l.get(0);
                }
                if (publisher instanceof Map<?, ?> p && p.get("name") instanceof String n) {
                  String collapsed = MainContentText.collapse(n);
                  return collapsed.isEmpty() ? null : collapsed;
                }
                return null;
              });
      if (name != null) {
        return name;
      }
    }
    return null;
  }

  /**
   * link rel=canonical, else og:url, made absolute against the document's base (its {@code <base
   * href>} or the page URL); null when neither is present or it cannot be made absolute.
   */
  static String canonicalUrl(Document doc, String pageUrl) {
    for (Element link : doc.select("link[href]")) {
      for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
        if (rel.equals("canonical")) {
          String u = absolute(link, "href");
          if (u != null) {
            return u;
          }
        }
      }
    }
    for (Element og : doc.select("meta[property=og:url][content], meta[name=og:url][content]")) {
      String u = absolute(og, "content");
      if (u != null) {
        return u;
      }
    }
    return null;
  }

  private static String absolute(Element e, String attr) {
    String raw = MainContentText.collapse(e.attr(attr));
    if (raw.isEmpty()) {
      return null;
    }
    String abs = e.absUrl(attr);
    if (abs.isEmpty()) {
      String lower = raw.toLowerCase(Locale.ROOT);
      abs = lower.startsWith("http://") || lower.startsWith("https://") ? raw : null;
    }
    return abs;
  }

  private static String meta(Document doc, String query) {
    Element e = doc.selectFirst(query);
    if (e == null) {
      return null;
    }
    String v = MainContentText.collapse(e.attr("content"));
    return v.isEmpty() ? null : v;
  }
}

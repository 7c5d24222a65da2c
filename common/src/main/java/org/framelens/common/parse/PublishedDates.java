package org.framelens.common.parse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds a page's publication date in its meta tags, JSON-LD, {@code itemprop=datePublished} and
 * {@code <time>} elements, dates labelled as published, dated bylines, the text next to the
 * headline and the URL; failing those, in the data embedded for the page's scripts, a date labelled
 * as the last update or the first date of the visible text. Measured on the trafilatura benchmark's
 * expected dates (see {@code org.framelens.common.eval}). Stateless, thread-safe.
 */
final class PublishedDates {
  private PublishedDates() {}

  static final String META = "meta";
  static final String JSON_LD = "json-ld";
  static final String TIME = "time";
  static final String TEXT = "text";
  static final String URL = "url";
  static final String SCRIPT = "script";

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

  /**
   * The page's publication date, or null. A date shown to readers (labelled as published, next to
   * the headline, in a dated byline) that a machine-readable date of the page confirms wins.
   * Otherwise every source is read; the calendar date most of them agree on wins, ties going to the
   * more trusted source (the order below). Script data, a date labelled as the last update and the
   * first date in the page's visible text are used, in that order, only when no source gives one.
   *
   * @param title the page's headline, to find the h1 the byline sits next to
   */
  static PublishedDate find(Document doc, String url, String title) {
    PublishedDate headline = fromHeadline(doc, title);
    PublishedDate byline = fromDateElements(doc);
    PublishedDate labelled = fromLabel(doc);
    PublishedDate confirmed = confirmed(doc, labelled, headline, byline);
    if (confirmed != null) {
      return confirmed;
    }
    List<PublishedDate> found = new ArrayList<>();
    add(found, fromMeta(doc));
    add(found, fromJsonLd(doc));
    add(found, fromItemprop(doc));
    add(found, fromTimeElements(doc));
    add(found, fromAnyTime(doc));
    add(found, labelled);
    add(found, byline);
    add(found, headline);
    add(found, fromUrl(url));
    if (found.isEmpty()) {
      add(found, fromScriptData(doc));
    }
    if (found.isEmpty()) {
      add(found, fromUpdatedLabel(doc));
    }
    if (found.isEmpty()) {
      add(found, fromBodyText(doc));
    }
    if (found.isEmpty()) {
      return null;
    }
    PublishedDate best = found.get(0);
    int bestVotes = 0;
    for (PublishedDate d : found) {
      int votes = 0;
      for (PublishedDate o : found) {
        if (o.localDate().equals(d.localDate())) {
          votes++;
        }
      }
      if (votes > bestVotes) {
        best = d;
        bestVotes = votes;
      }
    }
    if (best.offset() == null || best.offset().equals(ZoneOffset.UTC)) {
      // A UTC timestamp may fall on another day than the page's own; another source that names
      // the same instant with the page's offset gives the page-local date.
      for (PublishedDate o : found) {
        if (o.offset() != null
            && !o.offset().equals(ZoneOffset.UTC)
            && Math.abs(o.instant().getEpochSecond() - best.instant().getEpochSecond()) < 120) {
          return new PublishedDate(best.instant(), o.localDate(), best.source(), o.offset());
        }
      }
    }
    return best;
  }

  /**
   * The first of the dates written for readers (next to the headline, then in a dated byline) that
   * one of the page's machine-readable dates also names, publication or modification: the date the
   * page shows as its own, in the machine date's precision. A page that shows its last revision
   * date shows that one; a UTC timestamp whose day differs from the shown one is not used. A
   * modification date before the page's machine publication date is inconsistent and confirms
   * nothing, and a shown date before the page's own publication date (meta, else JSON-LD) is not
   * taken unless that date is a UTC timestamp of the next day. Null when no shown date is
   * confirmed.
   */
  static PublishedDate confirmed(Document doc, PublishedDate... visible) {
    List<PublishedDate> machine = null;
    PublishedDate own = null;
    for (PublishedDate v : visible) {
      if (v == null) {
        continue;
      }
      if (machine == null) {
        machine = machineDates(doc);
        own = fromMeta(doc);
        if (own == null) {
          own = fromJsonLd(doc);
        }
      }
      if (own != null && v.localDate().isBefore(own.localDate()) && !dayBeforeInUtc(v, own)) {
        // Shown before the page's own publication: a copied byline (a wire story republished
        // with its original dateline), not this page's date.
        continue;
      }
      for (PublishedDate m : machine) {
        if (m.localDate().equals(v.localDate())) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code shown} is the day before {@code own} and {@code own} is a UTC timestamp: the
   * page's own clock may still have been on the day before.
   */
  private static boolean dayBeforeInUtc(PublishedDate shown, PublishedDate own) {
    return (own.offset() == null || own.offset().equals(ZoneOffset.UTC))
        && shown.localDate().plusDays(1).equals(own.localDate());
  }

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
        add(out, of(meta.attr("content"), META));
      } else if (MODIFIED_META_KEYS.contains(key)) {
        add(modified, of(meta.attr("content"), META));
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
        add(out, of(value, e.nameIs("meta") ? META : TIME));
      } else if (prop.equals("dateModified")) {
        add(modified, of(value, e.nameIs("meta") ? META : TIME));
      }
    }
    for (Element e : doc.select("time[datetime]")) {
      if (!inCommentsOrQuotes(e) && !e.attr("itemprop").equals("dateModified")) {
        add(out, of(e.attr("datetime"), TIME));
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
        add(out, of(s, JSON_LD));
      }
    }
  }

  private static void add(List<PublishedDate> found, PublishedDate d) {
    if (d != null) {
      found.add(d);
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

  private static final Pattern COMMENT_CLASS =
      Pattern.compile("comment|kommentar|reply|replies", Pattern.CASE_INSENSITIVE);

  static PublishedDate fromAnyTime(Document doc) {
    for (Element e : doc.select("time[datetime]")) {
      if (inCommentsOrQuotes(e)) {
        continue;
      }
      PublishedDate d = of(e.attr("datetime"), TIME);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * Inside a comment thread, or inside a blockquote: an embedded social-media post or a quotation,
   * dated by its own author.
   */
  private static boolean inCommentsOrQuotes(Element e) {
    // body and html classes name the page template ("comments-open"), not a region of it.
    for (Element a = e; a != null && !a.nameIs("body") && !a.nameIs("html"); a = a.parent()) {
      if (a.nameIs("blockquote")) {
        return true;
      }
      if (a.attributesSize() > 0 && COMMENT_CLASS.matcher(a.className() + " " + a.id()).find()) {
        return true;
      }
    }
    return false;
  }

  private static final Pattern DATE_CLASS =
      Pattern.compile(
          "date|datum|time|zeit|publish|publica|posted|submitted|byline|meta|info|fecha|dateline",
          Pattern.CASE_INSENSITIVE);

  private static final int SHORT_TEXT = 200;

  /** A date written in a short element whose class or id names a date or byline. */
  static PublishedDate fromDateElements(Document doc) {
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    TextDates.Slashes slashes = slashes(doc);
    for (Element e : body.getAllElements()) {
      if (e.attributesSize() == 0 && !e.nameIs("time")) {
        continue;
      }
      if (!e.nameIs("time") && !DATE_CLASS.matcher(e.className() + " " + e.id()).find()) {
        continue;
      }
      String text = boundedText(e, SHORT_TEXT);
      if (text.length() < 6 || text.length() > SHORT_TEXT || inCommentsOrQuotes(e)) {
        continue;
      }
      LocalDate d = TextDates.find(text, slashes);
      if (d != null && plausible(d)) {
        return new PublishedDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d, TEXT, null);
      }
    }
    return null;
  }

  /**
   * How the page writes slash dates, from its declared language: month first in US English (and
   * plain "en", mostly American sites), day first in every other language and English region; not
   * read at all when the page declares no language.
   */
  static TextDates.Slashes slashes(Document doc) {
    Element html = doc.selectFirst("html");
    String lang =
        html == null
            ? ""
            : (html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang"))
                .trim()
                .toLowerCase(Locale.ROOT);
    if (lang.isEmpty()) {
      return TextDates.Slashes.IGNORED;
    }
    return lang.equals("en") || lang.startsWith("en-us") || lang.startsWith("en_us")
        ? TextDates.Slashes.MONTH_FIRST
        : TextDates.Slashes.DAY_FIRST;
  }

  private static final int AFTER_HEADLINE = 300;
  private static final int BEFORE_HEADLINE = 150;

  /** A date written just before or after the page's first h1: where bylines sit. */
  static PublishedDate fromHeadline(Document doc, String title) {
    Element h1 = null;
    String key = MainContentText.key(title);
    for (Element h : doc.select("body h1")) {
      if (h1 == null || !key.isEmpty() && MainContentText.key(h.text()).equals(key)) {
        h1 = h;
      }
    }
    if (h1 == null) {
      return null;
    }
    Element headline = h1;
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          boolean reached;

          @Override
          public FilterResult head(Node node, int depth) {
            if (node == headline) {
              reached = true;
            }
            if (node instanceof Element e && isCode(e)) {
              return FilterResult.SKIP_ENTIRELY;
            }
            if (node instanceof TextNode t && !t.isBlank()) {
              if (reached) {
                after.append(t.text()).append(' ');
                if (after.length() >= AFTER_HEADLINE) {
                  return FilterResult.STOP;
                }
              } else {
                before.append(t.text()).append(' ');
                if (before.length() > 4 * BEFORE_HEADLINE) {
                  before.delete(0, before.length() - BEFORE_HEADLINE);
                }
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        doc.body());
    if (before.length() > BEFORE_HEADLINE) {
      before.delete(0, before.length() - BEFORE_HEADLINE);
    }
    for (String window : new String[] {after.toString(), before.toString()}) {
      LocalDate d = TextDates.find(window, slashes(doc));
      if (d != null && plausible(d)) {
        return new PublishedDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d, TEXT, null);
      }
    }
    return null;
  }

  /** Words that label a publication date for readers, in the languages of {@link TextDates}. */
  private static final Pattern PUBLISHED_LABEL =
      Pattern.compile(
          "(?<!\\p{L})(?:erschienen|ver(?:ö|oe)ffentlicht|publiziert|published|posted|publicado|publicada"
              + "|publié|publiée|publie|pubblicato|publicado em|opublikowano|datum|date)"
              + "(?:\\s+(?:am|on|el|le|il|em|den|dnia))?\\s*:?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final int LABEL_REACH = 40;

  /**
   * A date written right after a label that names it the publication date ("Erschienen am:
   * 13.10.2021", "Published on 4 May 2022", "Datum: 18.10.2021") anywhere in the page's visible
   * text, footers included.
   */
  static PublishedDate fromLabel(Document doc) {
    return afterLabel(doc, PUBLISHED_LABEL);
  }

  /** Words that label the date of a page's last revision. */
  private static final Pattern UPDATED_LABEL =
      Pattern.compile(
          "(?<!\\p{L})(?:aktualisiert|letzte (?:ä|ae)nderung|zuletzt ge(?:ä|ae)ndert|stand|updated"
              + "|last (?:updated|modified)|actualizado|actualizada|mis à jour|mise à jour"
              + "|aggiornato|atualizado|zaktualizowano)"
              + "(?:\\s+(?:am|on|el|le|il|em|den|dnia))?\\s*:?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * A date written right after a label that names it the page's last revision ("Aktualisiert am
   * 17.01.2021", "Last updated: 4 May 2022"): a fallback for pages that give no other date.
   */
  static PublishedDate fromUpdatedLabel(Document doc) {
    return afterLabel(doc, UPDATED_LABEL);
  }

  private static PublishedDate afterLabel(Document doc, Pattern label) {
    if (doc.body() == null) {
      return null;
    }
    TextDates.Slashes slashes = slashes(doc);
    String t =
        MainContentText.collapse(
            visibleText(
                doc.body(), e -> isCode(e) || e.nameIs("select") || hidden(e), Integer.MAX_VALUE));
    Matcher m = label.matcher(t);
    while (m.find()) {
      String after = t.substring(m.end(), Math.min(t.length(), m.end() + LABEL_REACH));
      LocalDate d = TextDates.startingDate(after, slashes);
      if (d != null && plausible(d)) {
        return new PublishedDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d, TEXT, null);
      }
    }
    return null;
  }

  /** An element with the {@code hidden} attribute or an inline {@code display:none}. */
  private static boolean hidden(Element e) {
    return e.hasAttr("hidden")
        || e.hasAttr("style")
            && e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
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

  private static final int BODY_TEXT_LIMIT = 5000;

  /** The first date in the page's visible text outside navigation, footers and comments. */
  static PublishedDate fromBodyText(Document doc) {
    if (doc.body() == null) {
      return null;
    }
    StringBuilder text =
        visibleText(
            doc.body(),
            e ->
                isCode(e)
                    || e.nameIs("nav")
                    || e.nameIs("footer")
                    || e.nameIs("select")
                    || e.attributesSize() > 0
                        && COMMENT_CLASS.matcher(e.className() + " " + e.id()).find(),
            BODY_TEXT_LIMIT);
    LocalDate d = TextDates.find(text.toString(), slashes(doc));
    return d != null && plausible(d)
        ? new PublishedDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d, TEXT, null)
        : null;
  }

  /**
   * The text nodes under {@code root}, each followed by a space, leaving out the elements {@code
   * skip} accepts and all they contain; reading stops once the text is longer than {@code limit}.
   */
  private static StringBuilder visibleText(Element root, Predicate<Element> skip, int limit) {
    StringBuilder text = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (text.length() > limit) {
              return FilterResult.STOP;
            }
            if (node instanceof Element e) {
              if (skip.test(e)) {
                return FilterResult.SKIP_ENTIRELY;
              }
            } else if (node instanceof TextNode t && !t.isBlank()) {
              text.append(t.text()).append(' ');
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        root);
    return text;
  }

  private static boolean isCode(Element e) {
    return e.nameIs("script") || e.nameIs("style") || e.nameIs("noscript");
  }

  /** The element's text, whitespace-collapsed; reading stops once it is longer than {@code max}. */
  static String boundedText(Element e, int max) {
    StringBuilder b = new StringBuilder();
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t && !t.isBlank()) {
              b.append(t.text()).append(' ');
              if (b.length() > 2 * max) {
                return FilterResult.STOP;
              }
            }
            return FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        e);
    String t = MainContentText.collapse(b);
    return t.length() > max ? t.substring(0, max + 1) : t;
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

  static PublishedDate of(String value, String source) {
    ZonedDateTime t = Dates.parseZoned(value);
    if (t == null || !plausible(t.toLocalDate())) {
      return null;
    }
    return new PublishedDate(t.toInstant(), t.toLocalDate(), source, t.getOffset());
  }

  private static boolean plausible(LocalDate d) {
    return d.getYear() >= 1990 && !d.isAfter(LocalDate.now().plusYears(1));
  }
}

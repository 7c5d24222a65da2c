package org.framelens.common.parse;

import static org.framelens.common.parse.PublishedDate.TEXT;
import static org.framelens.common.parse.PublishedDate.plausible;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The dates a page writes for readers ({@link TextDates} reads them): in a short date or byline
 * element, next to the headline, after a label naming the publication date or the last update, and
 * the first date of the visible text. Each returns a calendar date (midnight UTC, source {@code
 * text}), or null. Stateless, thread-safe.
 */
final class WrittenDates {
  private WrittenDates() {}

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
      String text = PageText.boundedText(e, SHORT_TEXT);
      if (text.length() < 6 || text.length() > SHORT_TEXT || PageText.inCommentsOrQuotes(e)) {
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
            if (node instanceof Element e && PageText.isCode(e)) {
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
            PageText.visibleText(
                doc.body(),
                e -> PageText.isCode(e) || e.nameIs("select") || PageText.hidden(e),
                Integer.MAX_VALUE));
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

  private static final int BODY_TEXT_LIMIT = 5000;

  /** The first date in the page's visible text outside navigation, footers and comments. */
  static PublishedDate fromBodyText(Document doc) {
    if (doc.body() == null) {
      return null;
    }
    StringBuilder text =
        PageText.visibleText(
            doc.body(),
            e ->
                PageText.isCode(e)
                    || e.nameIs("nav")
                    || e.nameIs("footer")
                    || e.nameIs("select")
                    || e.attributesSize() > 0
                        && PageText.COMMENT_CLASS.matcher(e.className() + " " + e.id()).find(),
            BODY_TEXT_LIMIT);
    LocalDate d = TextDates.find(text.toString(), slashes(doc));
    return d != null && plausible(d)
        ? new PublishedDate(d.atStartOfDay(ZoneOffset.UTC).toInstant(), d, TEXT, null)
        : null;
  }
}

package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The standfirst (deck, sub-headline, lead paragraph) of an article: the article's own words
 * between its headline and the container chosen as its body, which templates put in an {@code h2}
 * under the {@code h1}, or in a lead paragraph in a container of its own. Readability-style root
 * selection keeps only the body container and would drop them.
 *
 * <p>Only text blocks after the headline and before the body, in the same article block (headline
 * and body at most {@value #MAX_LEVELS} levels below their common ancestor), are taken; a block
 * that is mostly link text (a teaser of another article), sits in a teaser, related, byline, date,
 * caption or similar container, is short (a byline, a date, a kicker) or names the author is not.
 */
final class Standfirst {
  static final int MAX_LEVELS = 4;
  static final int MAX_BLOCKS = 2;
  private static final int MIN_CHARS = 50;
  private static final int MAX_CHARS = 700;

  /** Containers whose text is not the article's standfirst. */
  private static final Pattern NOT_STANDFIRST =
      Pattern.compile(
          "teaser|related|recommend|promo|more|also|byline|author|date|time|meta|kicker|eyebrow|"
              + "overline|label|caption|credit|breadcrumb|share|social|tag|topic|newsletter|subscribe|"
              + "advert|sponsor|nav|menu|comment|rating|card|list|item|widget|toc|image|photo|picture|media|"
              + "figure|gallery|video|player");

  private static final Pattern BLOCK =
      Pattern.compile("p|h2|h3|h4|h5|h6|div|section|header|hgroup|blockquote");

  private Standfirst() {}

  /** The headline element: an h1 with the page's title, else the only h1. */
  static Element headline(Element body, String title) {
    String titleKey = MainContentText.key(title);
    Element first = null;
    int count = 0;
    for (Element h1 : body.select("h1")) {
      String k = MainContentText.key(h1.text());
      if (k.isEmpty()) {
        continue;
      }
      if (!titleKey.isEmpty()
          && (k.equals(titleKey) || k.length() >= 8 && titleKey.startsWith(k))) {
        return h1;
      }
      first = first == null ? h1 : first;
      count++;
    }
    return count == 1 ? first : null;
  }

  /** Whether a {@code header} element holds the article's headline (not the site's header). */
  static boolean holdsHeadline(Element header, String title) {
    String titleKey = MainContentText.key(title);
    if (titleKey.length() < 8) {
      return false;
    }
    for (Element h1 : header.select("h1")) {
      if (MainContentText.key(h1.text()).equals(titleKey)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The texts of the standfirst blocks between the headline and the first body root, in document
   * order; empty when there is none or the headline is not just above the body.
   */
  static List<String> find(
      Element body, List<Element> roots, String title, String author, PageStats stats) {
    if (roots.isEmpty() || roots.get(0) == body) {
      return List.of();
    }
    Element h1 = headline(body, title);
    Element root = roots.get(0);
    if (h1 == null || h1 == root || isAncestor(root, h1) || isAncestor(h1, root)) {
      return List.of();
    }
    Element common = commonAncestor(h1, root);
    if (common == null
        || depthBelow(h1, common) > MAX_LEVELS
        || depthBelow(root, common) > MAX_LEVELS) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    boolean afterHeadline = false;
    for (Element e : common.getAllElements()) { // document order
      if (e == h1) {
        afterHeadline = true;
        continue;
      }
      if (!afterHeadline || isAncestor(h1, e)) {
        continue;
      }
      if (e == root || isAncestor(root, e)) {
        break;
      }
      if (!isTextBlock(e) || isAncestor(e, root)) {
        continue;
      }
      String text = MainContentText.collapse(e.text());
      if (isStandfirst(e, common, text, author, stats)) {
        out.add(text);
        if (out.size() == MAX_BLOCKS) {
          break;
        }
      }
    }
    return out;
  }

  /** A block element with text and no block element inside it. */
  private static boolean isTextBlock(Element e) {
    if (!BLOCK.matcher(e.normalName()).matches()) {
      return false;
    }
    for (Element c : e.children()) {
      if (TextBlocks.BLOCK_TAGS.contains(c.normalName())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isStandfirst(
      Element e, Element common, String text, String author, PageStats stats) {
    int len = PageStats.visibleLength(text);
    if (len < MIN_CHARS || len > MAX_CHARS || stats.linkDensity(e) > 0.2) {
      return false;
    }
    if (author != null && author.length() >= 4 && text.contains(author)) {
      return false; // a byline
    }
    for (Element a = e; a != null && a != common; a = a.parent()) {
      String ci = Boilerplate.classAndId(a);
      if (!ci.isEmpty() && NOT_STANDFIRST.matcher(ci.toLowerCase(Locale.ROOT)).find()) {
        return false;
      }
      if (a.nameIs("a") || a.nameIs("li") || a.nameIs("figure") || a.nameIs("time")) {
        return false;
      }
    }
    return e.selectFirst("time") == null;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Element commonAncestor(Element a, Element b) {
    for (Element p = a.parent(); p != null; p = p.parent()) {
      if (isAncestor(p, b)) {
        return p;
      }
    }
    return null;
  }

  private static int depthBelow(Element e, Element ancestor) {
    int d = 0;
    for (Element p = e; p != null && p != ancestor; p = p.parent()) {
      d++;
    }
    return d;
  }
}

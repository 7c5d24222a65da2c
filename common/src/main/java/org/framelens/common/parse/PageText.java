package org.framelens.common.parse;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Which of a page's text is the page's own, for the date sources that read text: script, style and
 * hidden elements are not visible, comment threads and quotations are dated by their own authors.
 * Tree walks are iterative and bounded. Stateless, thread-safe.
 */
final class PageText {
  private PageText() {}

  static final Pattern COMMENT_CLASS =
      Pattern.compile("comment|kommentar|reply|replies", Pattern.CASE_INSENSITIVE);

  /**
   * Inside a comment thread, or inside a blockquote: an embedded social-media post or a quotation,
   * dated by its own author.
   */
  static boolean inCommentsOrQuotes(Element e) {
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

  /** An element with the {@code hidden} attribute or an inline {@code display:none}. */
  static boolean hidden(Element e) {
    return e.hasAttr("hidden")
        || e.hasAttr("style")
            && e.attr("style").replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none");
  }

  /**
   * The text nodes under {@code root}, each followed by a space, leaving out the elements {@code
   * skip} accepts and all they contain; reading stops once the text is longer than {@code limit}.
   */
  static StringBuilder visibleText(Element root, Predicate<Element> skip, int limit) {
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

  static boolean isCode(Element e) {
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
}

package org.framelens.common.parse;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Removes the page furniture from a page's body before its content is chosen: non-content elements
 * by tag ({@code script}, {@code img}...), and navigation, footers, asides, forms, figure captions,
 * hidden elements, boilerplate ARIA roles and elements whose class or id names a cookie banner,
 * newsletter box, "most read" list, tag list and the like, unless the element holds the {@code
 * articleBody}, an article-body class or most of the page's paragraph text. Iterative (jsoup {@link
 * NodeTraversor}), stateless, thread-safe.
 */
final class Boilerplate {
  private Boilerplate() {}

  /** Always removed, whatever their size. */
  private static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "iframe",
          "button",
          "select",
          "input",
          "textarea",
          "object",
          "embed",
          "canvas",
          "link",
          "meta",
          "video",
          "audio",
          "picture",
          "img",
          "map",
          "math",
          "head",
          "frame",
          "frameset",
          "option",
          "label",
          "dialog");

  /** Removed unless they hold most of the text of the page. */
  private static final Set<String> BOILERPLATE_TAGS =
      Set.of("nav", "footer", "aside", "form", "menu", "figcaption");

  private static final Set<String> BOILERPLATE_ROLES =
      Set.of(
          "navigation",
          "banner",
          "contentinfo",
          "complementary",
          "dialog",
          "alert",
          "alertdialog",
          "menu",
          "menubar",
          "search",
          "toolbar",
          "tablist");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "cookie|consent|gdpr|newsletter|subscribe|subscription|signup|sign-up|sharing|sharebar|"
              + "share-|-share|social|related|recommend|most-?read|mostread|most-?popular|meistgelesen|"
              + "popular|trending|sidebar|widget|comment(?!ary)|footer|breadcrumb|tag-?list|taglist|"
              + "tag-cloud|caption|credit|outbrain|taboola|advert|sponsor|modal|popup|promo(?!ted)|banner|skip-?link|"
              + "author-?bio|authorbio|disqus|masthead|toolbar|pagination|pager|login|"
              + "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|tags|tag|topics|ad|ads|adv|share|"
              + "meta|cta|byline|dateline|date|timestamp|more)(?:$|[\\s_-])|"
              + "cat-?links|tags-?links|post-?categories|"
              + "(?:^|\\s)(?:hidden|hide|is-hidden|d-none|visually-hidden|sr-only|screen-reader-text|"
              + "element-invisible)(?:$|\\s)");

  private static final Pattern TAXONOMY_CLASS =
      Pattern.compile(
          "(?<![^\\s])(?:(?:tag|tags)[-_](?!list|cloud|links|box|wrap|container|block|area)|"
              + "(?:category|categories|postid|format|has|status|type|term|node-type)[-_])[^\\s]*");

  static final Pattern POSITIVE_OVERRIDE =
      Pattern.compile(
          "article-?body|articlebody|article__body|article-?content|article-?text|articletext|"
              + "story-?body|story-?content|storytext|post-?content|post-?body|entry-?content|"
              + "main-?content|body-?text|content-?body|text-?body");

  /** Drupal's body field (7: field-name-body, 8+: field--name-body). */
  private static final Pattern BODY_FIELD =
      Pattern.compile("(?:^|\\s)field-{1,2}name-body(?:$|\\s)");

  /**
   * Whether the page's markup names {@code e} as the article's body: {@code itemprop} or RDFa
   * {@code property} articleBody / content:encoded, an article-body class ({@link
   * #POSITIVE_OVERRIDE}) or a CMS body field.
   */
  static boolean namesArticleBody(Element e) {
    if (e.attributesSize() == 0) {
      return false;
    }
    if ("articleBody".equals(e.attr("itemprop"))) {
      return true;
    }
    String property = e.attr("property");
    if (property.contains("articleBody") || property.contains("content:encoded")) {
      return true;
    }
    String ci = classAndId(e);
    return !ci.isEmpty() && (POSITIVE_OVERRIDE.matcher(ci).find() || BODY_FIELD.matcher(ci).find());
  }

  static void clean(Element body, PageStats stats, String title) {
    final int total = Math.max(1, stats.text(body));
    final int pTotal = stats.paragraphText(body);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
              if (e == body) {
                return FilterResult.CONTINUE;
              }
              String tag = e.normalName();
              if (JUNK_TAGS.contains(tag)) {
                return FilterResult.REMOVE;
              }
              if (tag.equals("header") && Standfirst.holdsHeadline(e, title)) {
                return FilterResult.CONTINUE; // the article's header (headline, standfirst)
              }
              if (isBoilerplate(e, tag) && !isProtected(e, stats, total, pTotal)) {
                return FilterResult.REMOVE;
              }
              return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode) {
              return FilterResult.CONTINUE;
            }
            return FilterResult.REMOVE; // comments, doctype, etc.
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
  }

  /** Never remove the container of the article body or of most of the page's paragraph text. */
  private static boolean isProtected(Element e, PageStats stats, int total, int pTotal) {
    if (stats.holdsArticleBody(e)) {
      return true;
    }
    if (pTotal >= 300) {
      return stats.paragraphText(e) >= 0.5 * pTotal;
    }
    return total > 500 && stats.text(e) > 0.6 * total;
  }

  static boolean isBoilerplate(Element e, String tag) {
    if (BOILERPLATE_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && e.closest("article, main, [itemprop=articleBody]") == null) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String role = e.attr("role");
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (st.contains("display:none") || st.contains("visibility:hidden")) {
        return true;
      }
    }
    String ci = classAndId(e);
    if (ci.isEmpty()) {
      return false;
    }
    return NEGATIVE.matcher(ci).find() && !POSITIVE_OVERRIDE.matcher(ci).find();
  }

  static String classAndId(Element e) {
    if (e.attributesSize() == 0) {
      return "";
    }
    String c = e.attr("class");
    String id = e.id();
    if (c.isEmpty() && id.isEmpty()) {
      return "";
    }
    String ci = (c + " " + id).toLowerCase(Locale.ROOT).trim();
    if (ci.indexOf('-') >= 0 || ci.indexOf('_') >= 0) {
      // CMS taxonomy classes ("tag-politics", "category-news", "postid-12") say nothing about
      // layout.
      ci = TAXONOMY_CLASS.matcher(ci).replaceAll(" ");
    }
    return ci.trim();
  }
}

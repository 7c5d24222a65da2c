package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Per-element statistics of a page's body, counted in one iterative pass: visible text length,
 * link-text length, paragraph-text length and whether the element holds the article body ({@code
 * itemprop=articleBody}, an article-body class around enough text, or the one element the page's
 * markup names as its body however short: a two-paragraph news brief's body is as clearly marked as
 * a long article's). Read-only once built.
 */
final class PageStats {
  private final Map<Element, int[]> m = new IdentityHashMap<>();

  private PageStats() {}

  static PageStats of(Element root) {
    PageStats s = new PageStats();
    List<Element> named = new ArrayList<>();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {}

          @Override
          public void tail(Node node, int depth) {
            Node p = node.parentNode();
            if (!(p instanceof Element parent)) {
              return;
            }
            if (node instanceof TextNode t) {
              int n = visibleLength(t.getWholeText());
              if (n > 0) {
                s.get(parent)[0] += n;
              }
            } else if (node instanceof Element e) {
              int[] me = s.m.get(e);
              if (me == null) {
                if (e.attributesSize() == 0 || !"articleBody".equals(e.attr("itemprop"))) {
                  return;
                }
                me = s.get(e);
              }
              boolean namesBody = me[0] > 0 && Boilerplate.namesArticleBody(e);
              if (namesBody) {
                named.add(e);
              }
              boolean isBody =
                  e.attributesSize() > 0
                      && ("articleBody".equals(e.attr("itemprop"))
                          || me[0] >= 300
                              && Boilerplate.POSITIVE_OVERRIDE
                                  .matcher(Boilerplate.classAndId(e))
                                  .find());
              if (e.nameIs("a")) {
                me[1] = me[0];
              } else if (e.nameIs("p")) {
                me[3] = me[0];
              }
              if (isBody) {
                me[2] = 1;
              }
              int[] pa = s.get(parent);
              pa[0] += me[0];
              pa[1] += me[1];
              pa[2] |= me[2];
              pa[3] += me[3];
            }
          }
        },
        root);
    Element only = onlyInnermost(named);
    if (only != null) {
      for (Element a = only; a != null && a != root.parent(); a = a.parent()) {
        s.get(a)[2] = 1;
      }
    }
    return s;
  }

  /**
   * The innermost of the elements that name the article body, when there is exactly one (nested
   * wrappers such as {@code main-content} around {@code field--name-body} are one); null when there
   * is none or several (a listing of teasers, each with an article-body class).
   */
  private static Element onlyInnermost(List<Element> named) {
    if (named.isEmpty()) {
      return null;
    }
    Set<Element> outer = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Element> all = Collections.newSetFromMap(new IdentityHashMap<>());
    all.addAll(named);
    for (Element e : named) {
      for (Element a = e.parent(); a != null; a = a.parent()) {
        if (all.contains(a)) {
          outer.add(a);
        }
      }
    }
    Element only = null;
    for (Element e : named) {
      if (!outer.contains(e)) {
        if (only != null) {
          return null;
        }
        only = e;
      }
    }
    return only;
  }

  int[] get(Element e) {
    return m.computeIfAbsent(e, k -> new int[4]);
  }

  int text(Element e) {
    int[] v = m.get(e);
    return v == null ? 0 : v[0];
  }

  int links(Element e) {
    int[] v = m.get(e);
    return v == null ? 0 : v[1];
  }

  int paragraphText(Element e) {
    int[] v = m.get(e);
    return v == null ? 0 : v[3];
  }

  boolean holdsArticleBody(Element e) {
    int[] v = m.get(e);
    return v != null && v[2] != 0;
  }

  double linkDensity(Element e) {
    int t = text(e);
    return t == 0 ? 0 : Math.min(1.0, links(e) / (double) t);
  }

  /** Number of non-whitespace characters. */
  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!MainContentText.isSpace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}

package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Chooses the content root of a cleaned page body: the largest {@code itemprop=articleBody} with
 * enough text, else the best container by readability-style scoring (paragraph length, comma count,
 * tag and class/id weight, link density, scores passed up to five ancestors), moved up when the
 * content is spread over several containers, plus the siblings that look like more of the same
 * content. Stateless, thread-safe.
 */
final class ContentRoots {
  private ContentRoots() {}

  /** Block tags that may contain paragraphs (used to find "leaf" text containers). */
  private static final Set<String> CONTAINER_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "ul",
          "ol",
          "dl",
          "blockquote",
          "pre",
          "table",
          "figure",
          "header",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "form",
          "aside",
          "nav",
          "center",
          "details",
          "address",
          "hgroup");

  private static final Pattern SCORE_POSITIVE =
      Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");

  private static final Pattern SCORE_NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|banner|combx|comment(?!ary)|com-|contact|footer|gdpr|masthead|media|meta|"
              + "outbrain|promo(?!ted)|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
              + "tags|widget|teaser|nav|menu|social|cookie|newsletter|recommend|popular|trending");

  static List<Element> choose(Element body, PageStats stats) {
    // 1. Explicit markup: the largest itemprop=articleBody with enough text.
    Element best = null;
    for (Element e : body.select("[itemprop=articleBody]")) {
      if (best == null || stats.text(e) > stats.text(best)) {
        best = e;
      }
    }
    if (best != null && stats.text(best) >= 250) {
      return List.of(best);
    }
    // 2. Readability-style scoring.
    Map<Element, double[]> scores = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      Element first; // the first ancestor that receives the paragraph's score
      String text;
      if (tag.equals("p")
          || tag.equals("pre")
          || (LOOSE_TEXT_TAGS.contains(tag) && !hasContainerChild(e))) {
        if (stats.text(e) < 25) {
          continue;
        }
        first = e.parent();
        text = e.text();
      } else if (LOOSE_TEXT_TAGS.contains(tag)) {
        // Text directly inside a container (no <p>): scored as if wrapped in a paragraph.
        text = looseText(e, stats);
        if (text == null) {
          continue;
        }
        first = e;
      } else {
        continue;
      }
      int len = PageStats.visibleLength(text);
      if (len < 25) {
        continue;
      }
      double score = 1 + MainContentText.countCommas(text) + Math.min(len / 100.0, 3.0);
      Element anc = first;
      for (int level = 0; level < 5 && anc != null; level++, anc = anc.parent()) {
        if (anc == body.parent()) {
          break;
        }
        double[] s = scores.get(anc);
        if (s == null) {
          s = new double[] {initialScore(anc)};
          scores.put(anc, s);
          order.add(anc);
        }
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        s[0] += score / div;
      }
    }
    Element top = null;
    double topScore = 0;
    for (Element cand : order) { // first-seen order keeps ties deterministic
      double[] sc = scores.get(cand);
      double f = sc[0] * (1 - stats.linkDensity(cand));
      sc[0] = f;
      if (top == null || f > topScore) {
        top = cand;
        topScore = f;
      }
    }
    if (top == null) {
      return List.of(body);
    }
    // Scores rising again up the tree mean the content is spread over several containers.
    Element parent = top.parent();
    double last = topScore;
    double threshold = last / 3;
    while (parent != null && parent != body) {
      double[] ps = scores.get(parent);
      if (ps == null) {
        parent = parent.parent();
        continue;
      }
      if (ps[0] < threshold) {
        break;
      }
      if (ps[0] > last) {
        top = parent;
        topScore = ps[0];
        break;
      }
      last = ps[0];
      parent = parent.parent();
    }
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
      double[] s = scores.get(top);
      if (s != null) {
        topScore = Math.max(topScore, s[0]);
      }
    }
    if (top == body || top.parent() == null) {
      return List.of(top);
    }
    // Siblings that look like more of the same content.
    List<Element> roots = new ArrayList<>();
    double siblingThreshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    for (Element sib : top.parent().children()) {
      if (sib == top) {
        roots.add(sib);
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
      double[] s = scores.get(sib);
      if (s != null && s[0] + bonus >= siblingThreshold) {
        roots.add(sib);
      } else if (sib.nameIs("p")) {
        int len = stats.text(sib);
        double ld = stats.linkDensity(sib);
        if (len > 80 && ld < 0.25) {
          roots.add(sib);
        } else if (len > 0 && len <= 80 && ld == 0 && sib.text().matches(".*\\.( |$).*")) {
          roots.add(sib);
        }
      }
    }
    return roots;
  }

  private static final Set<String> LOOSE_TEXT_TAGS =
      Set.of("div", "td", "section", "article", "blockquote", "main");

  /** Text of the direct text nodes and inline children of e, or null when it is short. */
  private static String looseText(Element e, PageStats stats) {
    int n = 0;
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        n += PageStats.visibleLength(t.getWholeText());
      } else if (c instanceof Element ce && !TextBlocks.BLOCK_TAGS.contains(ce.normalName())) {
        n += stats.text(ce);
      }
    }
    if (n < 25) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        b.append(t.getWholeText());
      } else if (c instanceof Element ce && !TextBlocks.BLOCK_TAGS.contains(ce.normalName())) {
        b.append(' ').append(ce.text()).append(' ');
      }
    }
    return b.toString();
  }

  private static boolean hasContainerChild(Element e) {
    for (Element c : e.children()) {
      if (CONTAINER_TAGS.contains(c.normalName())) {
        return true;
      }
    }
    return false;
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote", "section" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWeight(e);
  }

  private static double classWeight(Element e) {
    double w = 0;
    String c = e.className().toLowerCase(Locale.ROOT);
    if (!c.isEmpty()) {
      if (SCORE_NEGATIVE.matcher(c).find()) {
        w -= 25;
      }
      if (SCORE_POSITIVE.matcher(c).find()) {
        w += 25;
      }
    }
    String id = e.id().toLowerCase(Locale.ROOT);
    if (!id.isEmpty()) {
      if (SCORE_NEGATIVE.matcher(id).find()) {
        w -= 25;
      }
      if (SCORE_POSITIVE.matcher(id).find()) {
        w += 25;
      }
    }
    if (e.attributesSize() > 0 && "articleBody".equals(e.attr("itemprop"))) {
      w += 50;
    }
    return w;
  }
}

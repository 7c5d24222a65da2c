package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Turns a content root into text blocks: one block per run of text between block-level tags, with
 * its whitespace collapsed, its link-text length and the tag of the block holding it. Iterative
 * (jsoup {@link NodeTraversor}), stateless, thread-safe.
 */
final class TextBlocks {
  private TextBlocks() {}

  /** Elements that end the current text block. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "tr",
          "td",
          "th",
          "tbody",
          "thead",
          "tfoot",
          "caption",
          "figure",
          "figcaption",
          "header",
          "footer",
          "address",
          "hr",
          "center",
          "details",
          "summary",
          "body",
          "html",
          "nav",
          "aside",
          "form",
          "fieldset",
          "legend",
          "hgroup",
          "menu");

  /** One emitted text block: its text, link-text length and the tag of the block holding it. */
  record Block(String text, int linkChars, String tag) {}

  static void emit(Element root, List<Block> out) {
    StringBuilder buf = new StringBuilder();
    int[] linkChars = {0};
    int[] linkDepth = {0};
    List<String> stack = new ArrayList<>();
    Runnable flush =
        () -> {
          if (buf.length() > 0) {
            String t = MainContentText.collapse(buf);
            if (!t.isEmpty()) {
              String tag = stack.isEmpty() ? "div" : stack.get(stack.size() - 1);
              out.add(new Block(t, linkChars[0], tag));
            }
            buf.setLength(0);
          }
          linkChars[0] = 0;
        };
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              buf.append(s);
              if (linkDepth[0] > 0) {
                linkChars[0] += PageStats.visibleLength(s);
              }
            } else if (node instanceof Element e) {
              String tag = e.normalName();
              if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                stack.add(tag);
              } else if (tag.equals("br")) {
                buf.append(' ');
              } else if (tag.equals("a")) {
                linkDepth[0]++;
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                if (!stack.isEmpty()) {
                  stack.remove(stack.size() - 1);
                }
              } else if (tag.equals("a")) {
                linkDepth[0]--;
              }
            }
          }
        },
        root);
    flush.run();
  }
}

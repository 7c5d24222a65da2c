package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * The article's text read from a page's body: the body is cleaned of boilerplate ({@link
 * Boilerplate}), its content root chosen ({@link ContentRoots}), the standfirst between the
 * headline and that root kept at the top ({@link Standfirst}), the roots turned into text blocks
 * ({@link TextBlocks}) and the blocks filtered ({@link BlockFilter}); when the chosen container is
 * nearly empty, the whole cleaned body is read instead.
 *
 * @param paragraphs the article's paragraphs, standfirst first
 * @param standfirstParagraphs how many of the first {@code paragraphs} are the standfirst
 */
record ArticleBody(List<String> paragraphs, int standfirstParagraphs) {

  /** Below this many characters of text the chosen container is deemed nearly empty. */
  private static final int FALLBACK_BELOW = 200;

  /**
   * Reads the article's text from {@code body}, which it modifies (boilerplate is removed).
   *
   * @param title the page's headline, dropped from the text and used to find the standfirst
   * @param author the page's author, whose byline is not a standfirst
   */
  static ArticleBody read(Element body, String title, String author, ParseDeadline deadline) {
    PageStats before = PageStats.of(body);
    deadline.check();
    Boilerplate.clean(body, before, title);
    deadline.check();
    PageStats stats = PageStats.of(body);
    List<Element> roots = ContentRoots.choose(body, stats);
    List<TextBlocks.Block> blocks = new ArrayList<>();
    // The standfirst under the headline, when the body container chosen does not hold it.
    List<String> standfirst = Standfirst.find(body, roots, title, author, stats);
    for (String s : standfirst) {
      blocks.add(new TextBlocks.Block(s, 0, "p"));
    }
    for (Element root : roots) {
      TextBlocks.emit(root, blocks);
    }
    List<String> paragraphs = BlockFilter.filter(blocks, title);
    int standfirstKept = 0; // the filter may have dropped one (a repeated headline)
    while (standfirstKept < paragraphs.size()
        && standfirstKept < standfirst.size()
        && standfirst.contains(paragraphs.get(standfirstKept))) {
      standfirstKept++;
    }
    if (textLength(paragraphs) < FALLBACK_BELOW && !(roots.size() == 1 && roots.get(0) == body)) {
      // The chosen container is nearly empty: fall back to the whole cleaned page.
      List<TextBlocks.Block> all = new ArrayList<>();
      TextBlocks.emit(body, all);
      List<String> wide = BlockFilter.filter(all, title);
      if (textLength(wide) > textLength(paragraphs)) {
        paragraphs = wide;
        standfirstKept = 0;
      }
    }
    return new ArticleBody(paragraphs, standfirstKept);
  }

  private static int textLength(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }
}

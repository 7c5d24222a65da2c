package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MainContentExtractorTest {
  private final MainContentExtractor extractor = new MainContentExtractor();

  private static final String P1 =
      "The harbour council voted on Tuesday evening to rebuild the old stone pier, which was damaged"
          + " in the winter storms, at a cost of roughly four million euros.";
  private static final String P2 =
      "Fishermen, who had waited almost two years for a decision, welcomed the vote, although some of"
          + " them said the work should have started long ago.";
  private static final String P3 =
      "Construction is expected to begin in the spring and, according to the council, to last about"
          + " eighteen months, with the northern berths staying open throughout.";

  private static String page(String head, String bodyInside) {
    return "<!doctype html><html><head><meta charset=utf-8>"
        + head
        + "</head><body>"
        + bodyInside
        + "</body></html>";
  }

  private static final String BOILERPLATE_PAGE =
      page(
          "<title>Council approves new pier | Coastal Gazette</title>",
          "<div id=\"cookie-consent\">We use cookies to improve your experience. Accept all cookies"
              + " or manage your settings.</div>"
              + "<header class=\"site-header\"><a href=\"/\">Coastal Gazette</a></header>"
              + "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
              + "<li><a href=\"/weather\">Weather and tides for the whole coast</a></li></ul></nav>"
              + "<div class=\"page\"><main>"
              + "<article><h1>Council approves new pier</h1>"
              + "<p class=\"byline\">By Maria Jensen</p>"
              + "<div class=\"article-body\"><p>"
              + P1
              + "</p>"
              + "<p>"
              + P2
              + "</p>"
              + "<h2>When the <em>work</em> starts</h2>"
              + "<p>"
              + P3
              + "</p></div>"
              + "<ul class=\"tag-list\"><li><a href=\"/t/harbour\">Harbour</a></li>"
              + "<li><a href=\"/t/council\">Council</a></li></ul>"
              + "<div class=\"newsletter-signup\"><p>Get the morning briefing from the Gazette delivered"
              + " to your inbox every weekday, free of charge.</p></div>"
              + "</article></main>"
              + "<div class=\"most-read\"><h3>Most read</h3><ol>"
              + "<li><a href=\"/a\">Lighthouse keeper retires after forty years on the island rock</a></li>"
              + "<li><a href=\"/b\">Ferry timetable changes announced for the summer season ahead</a></li>"
              + "</ol></div></div>"
              + "<footer><p>Copyright 2024 Coastal Gazette Ltd. All rights reserved. Registered in the"
              + " harbour district.</p></footer>");

  @Test
  void keepsArticleTextAndDropsBoilerplate() {
    MainContentExtractor.Extracted x =
        extractor.extract(BOILERPLATE_PAGE, "https://example.org/pier");
    assertThat(x.paragraphs()).containsExactly(P1, P2, "When the work starts", P3);
    String all = String.join("\n", x.paragraphs());
    assertThat(all)
        .doesNotContain("cookies")
        .doesNotContain("Weather")
        .doesNotContain("Lighthouse")
        .doesNotContain("Most read")
        .doesNotContain("Harbour\n")
        .doesNotContain("morning briefing")
        .doesNotContain("Copyright");
  }

  @Test
  void headlineIsSeparateFromBody() {
    MainContentExtractor.Extracted x = extractor.extract(BOILERPLATE_PAGE, null);
    assertThat(x.title()).isEqualTo("Council approves new pier");
    assertThat(x.paragraphs()).doesNotContain("Council approves new pier");
    assertThat(x.paragraphs().get(0)).isEqualTo(P1);
  }

  @Test
  void titleSuffixIsRemovedWhenThereIsNoHeadline() {
    String html =
        page(
            "<title>Council approves new pier – Coastal Gazette</title>",
            "<div><p>" + P1 + "</p></div>");
    assertThat(extractor.extract(html, null).title()).isEqualTo("Council approves new pier");
    String og =
        page(
            "<meta property=\"og:title\" content=\"Pier plan wins the vote\"><title>Other | Site</title>",
            "<p>" + P1 + "</p>");
    assertThat(extractor.extract(og, null).title()).isEqualTo("Pier plan wins the vote");
  }

  @Test
  void authorFromMetaTag() {
    String html =
        page(
            "<meta name=\"author\" content=\"By Tomas Berg\"><title>x</title>",
            "<p>" + P1 + "</p>");
    assertThat(extractor.extract(html, null).author()).isEqualTo("Tomas Berg");
  }

  @Test
  void articleAuthorUrlIsIgnored() {
    String html =
        page(
            "<meta property=\"article:author\" content=\"https://facebook.com/gazette\">",
            "<p>" + P1 + "</p>");
    assertThat(extractor.extract(html, null).author()).isNull();
  }

  @Test
  void authorFromJsonLdGraph() {
    String ld =
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
            + "{\"@type\":\"WebSite\",\"name\":\"Coastal Gazette\"},"
            + "{\"@type\":\"NewsArticle\",\"headline\":\"Pier\",\"author\":[{\"@type\":\"Person\","
            + "\"name\":\"Ana Ruiz\"},{\"@type\":\"Person\",\"name\":\"Li Wei\"}]}]}</script>";
    assertThat(extractor.extract(page(ld, "<p>" + P1 + "</p>"), null).author())
        .isEqualTo("Ana Ruiz, Li Wei");
    String single =
        "<script type=\"application/ld+json\">{\"@type\":\"BlogPosting\",\"author\":\"Jonas Weber\"}</script>";
    assertThat(extractor.extract(page(single, "<p>" + P1 + "</p>"), null).author())
        .isEqualTo("Jonas Weber");
  }

  @Test
  void authorFromBylineElement() {
    MainContentExtractor.Extracted x = extractor.extract(BOILERPLATE_PAGE, null);
    assertThat(x.author()).isEqualTo("Maria Jensen");
    assertThat(x.paragraphs()).doesNotContain("By Maria Jensen");
  }

  @Test
  void inlineElementsAndEntitiesAreJoined() {
    String html =
        page(
            "",
            "<article><p>The&nbsp;council <b>voted</b> <a href=\"/x\">yes</a>, and the mayor"
                + " said &quot;we&#39;ll start soon&quot;, to loud applause from the harbour workers.</p></article>");
    assertThat(extractor.extract(html, null).paragraphs())
        .containsExactly(
            "The council voted yes, and the mayor said \"we'll start soon\", to loud applause from the harbour workers.");
  }

  @Test
  @Timeout(30)
  void deeplyNestedHtmlDoesNotOverflowTheStack() {
    int depth = 200_000;
    StringBuilder b = new StringBuilder(depth * 12 + 1000);
    b.append("<html><body>");
    for (int i = 0; i < depth; i++) {
      b.append("<div>");
    }
    b.append("<p>").append(P1).append("</p>");
    for (int i = 0; i < depth; i++) {
      b.append("</div>");
    }
    b.append("</body></html>");
    MainContentExtractor.Extracted x = extractor.extract(b.toString(), null);
    assertThat(x).isNotNull();
    assertThat(String.join(" ", x.paragraphs())).contains("stone pier");
  }

  @Test
  void emptyAndGarbageInputGiveEmptyResult() {
    for (String input :
        new String[] {
          null,
          "",
          "   ",
          "\u0000\u0001<<<>>>",
          "<html><body></body></html>",
          "<div><p></div></span>>>>&&&#;;</table>"
        }) {
      MainContentExtractor.Extracted x = extractor.extract(input, "not a url");
      assertThat(x).isNotNull();
      assertThat(x.paragraphs()).isNotNull();
      assertThat(x.paragraphs()).isEmpty();
    }
    assertThat(extractor.extract(null, null).paragraphs()).isEmpty();
    assertThat(extractor.extract("", null).title()).isNull();
  }

  @Test
  void malformedHtmlStillYieldsText() {
    String html = "<html><body><div class=content><p>" + P1 + "<p>" + P2 + "</div></span></body>";
    assertThat(extractor.extract(html, null).paragraphs()).containsExactly(P1, P2);
  }

  @Test
  void duplicatesAndShortUiStringsAreDropped() {
    String html =
        page(
            "",
            "<article><p>"
                + P1
                + "</p><p>Advertisement</p><p>"
                + P1
                + "</p><p>Read more</p><p>"
                + P2
                + "</p></article>");
    assertThat(extractor.extract(html, null).paragraphs()).containsExactly(P1, P2);
  }

  @Test
  void hiddenElementsAreDropped() {
    String html =
        page(
            "",
            "<article><p>"
                + P1
                + "</p><div style=\"display: none\"><p>Secret text that nobody sees on"
                + " the page at all, hidden away.</p></div><p hidden>Also hidden from every reader of the page.</p>"
                + "<p>"
                + P2
                + "</p></article>");
    assertThat(extractor.extract(html, null).paragraphs()).containsExactly(P1, P2);
  }

  @Test
  void aLargePageKeepsEveryParagraphAndDropsItsNavigation() {
    // Its speed is measured by `bin/framelens eval extraction` (docs/BENCHMARKS.md), not here.
    StringBuilder b = new StringBuilder("<html><body><nav>");
    for (int i = 0; i < 300; i++) {
      b.append("<a href=\"/s").append(i).append("\">Section ").append(i).append("</a>");
    }
    b.append("</nav><article>");
    int paragraphs = 0;
    while (b.length() < 130_000) {
      b.append("<p>").append(P1).append(' ').append(b.length()).append("</p>");
      paragraphs++;
    }
    b.append("</article></body></html>");
    MainContentExtractor.Extracted x = extractor.extract(b.toString(), null);
    assertThat(x.paragraphs()).hasSize(paragraphs);
    assertThat(String.join("\n", x.paragraphs())).doesNotContain("Section 1");
  }

  // ---------------------------------------------------------------- standfirsts

  private static final String DECK =
      "The vote ends two years of delay, but the fishermen's association says the money covers only"
          + " half of the damage.";

  private static final String BODY_DIV =
      "<div class=\"article-body\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p></div>";

  private static final String P4 =
      "The council's engineer told the meeting that the stone would come from the quarry above the"
          + " town, so that the new pier looks like the one the storms broke.";
  private static final String P5 =
      "Two members voted against the plan, arguing that a floating pontoon would have cost less and"
          + " could have been moved if the harbour ever needed to grow.";
  private static final String P6 =
      "The mayor said that the first stone would be laid in April, in the presence of the families"
          + " who have fished from the old pier for generations.";

  private static java.util.List<String> paragraphsOf(String bodyInside) {
    return new MainContentExtractor()
        .extract(page("<title>Council approves new pier</title>", bodyInside), "https://x.test/a")
        .paragraphs();
  }

  @Test
  void anH2DirectlyUnderTheHeadlineIsKeptAtTheTopOfTheBody() {
    assertThat(
            paragraphsOf(
                "<article><header><h1>Council approves new pier</h1><h2>"
                    + DECK
                    + "</h2></header>"
                    + BODY_DIV
                    + "</article>"))
        .containsExactly(DECK, P1, P2, P3);
  }

  @Test
  void aLeadParagraphInItsOwnContainerIsKeptAtTheTopOfTheBody() {
    assertThat(
            paragraphsOf(
                "<div class=\"story\"><h1>Council approves new pier</h1>"
                    + "<div class=\"lead\"><p>"
                    + DECK
                    + "</p></div>"
                    + "<div class=\"byline\">By Maria Jensen, 4 March 2024</div>"
                    + "<div class=\"story-body\"><p>"
                    + String.join("</p><p>", P1, P2, P3, P4, P5, P6)
                    + "</p></div></div>"))
        .containsExactly(DECK, P1, P2, P3, P4, P5, P6);
  }

  @Test
  void aStandfirstAboveAnItempropArticleBodyIsKept() {
    assertThat(
            paragraphsOf(
                "<main><div itemscope itemtype=\"https://schema.org/NewsArticle\">"
                    + "<h1 itemprop=\"headline\">Council approves new pier</h1>"
                    + "<p itemprop=\"description\">"
                    + DECK
                    + "</p>"
                    + "<div itemprop=\"articleBody\"><p>"
                    + P1
                    + "</p><p>"
                    + P2
                    + "</p><p>"
                    + P3
                    + "</p></div></div></main>"))
        .containsExactly(DECK, P1, P2, P3);
  }

  @Test
  void anArticleHeaderOutsideArticleAndMainKeepsItsStandfirstButASiteHeaderIsStillRemoved() {
    assertThat(
            paragraphsOf(
                "<header class=\"site\"><p>Coastal Gazette, the newspaper of the northern coast"
                    + " since 1898, read by everyone</p></header>"
                    + "<div class=\"wrap\"><header class=\"entry-header\">"
                    + "<h1 class=\"entry-title\">Council approves new pier</h1>"
                    + "<p class=\"subtitle\">"
                    + DECK
                    + "</p></header>"
                    + BODY_DIV
                    + "</div>"))
        .containsExactly(DECK, P1, P2, P3);
  }

  @Test
  void aTeaserOfAnotherArticleBetweenHeadlineAndBodyIsNotKept() {
    String teaser =
        "Lighthouse keeper retires after forty years on the island rock, and the council looks for a"
            + " successor.";
    // a linked teaser, a teaser container with plain text, and a related-article card
    assertThat(
            paragraphsOf(
                "<article><h1>Council approves new pier</h1>"
                    + "<div class=\"teaser\"><p>"
                    + teaser
                    + "</p></div>"
                    + "<p><a href=\"/lighthouse\">"
                    + teaser
                    + " Read the full story</a></p>"
                    + "<div class=\"card\"><h3>The winter storms: what the coast lost and what it"
                    + " still has to rebuild</h3></div>"
                    + BODY_DIV
                    + "</article>"))
        .containsExactly(P1, P2, P3);
  }

  @Test
  void aBylineOrDateUnderTheHeadlineIsNotTakenForAStandfirst() {
    assertThat(
            paragraphsOf(
                "<article><h1>Council approves new pier</h1>"
                    + "<p>Published <time datetime=\"2024-03-04\">4 March 2024</time>, updated at"
                    + " noon after the vote</p>"
                    + BODY_DIV
                    + "</article>"))
        .containsExactly(P1, P2, P3);
  }

  @Test
  void aStandfirstFarFromTheBodyInAnotherPartOfThePageIsNotKept() {
    assertThat(
            paragraphsOf(
                "<div><div><div><div><div><h1>Council approves new pier</h1><h2>"
                    + DECK
                    + "</h2></div></div></div></div></div>"
                    + "<div><div><div><div><div>"
                    + BODY_DIV
                    + "</div></div></div></div></div>"))
        .containsExactly(P1, P2, P3);
  }
}

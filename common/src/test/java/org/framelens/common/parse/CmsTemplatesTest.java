package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Article pages of common CMS themes ({@code src/test/resources/cms-templates/}), each filled with
 * a two-paragraph news brief and with a long article: the extracted text is exactly the standfirst
 * and the body, whatever the body's length. Briefs, flashes and live-blog stubs are common in news
 * crawls; their structure names their body as clearly as a long article's does.
 */
class CmsTemplatesTest {
  private static final List<String> TEMPLATES =
      List.of(
          "drupal10-olivero",
          "drupal7-bartik",
          "drupal-subtitle-region",
          "wordpress-block",
          "newspack",
          "ghost-casper",
          "arc-style");

  private static final String TITLE = "Aid convoy crosses into Gaza at Rafah";
  private static final String STANDFIRST =
      "Twenty lorries carrying water, food and medicine were let through on Saturday morning.";

  private static final List<String> BRIEF =
      List.of(
          "The crossing opened shortly after ten, officials on both sides said.",
          "Relief agencies called the convoy a first step and asked for many more.");

  private static final List<String> LONG =
      List.of(
          "The crossing opened shortly after ten in the morning, officials on both sides said, after"
              + " two weeks in which no goods had entered the strip from the south.",
          "Relief agencies called the convoy a first step. Their spokespeople said that at least a"
              + " hundred lorries a day would be needed to meet the most basic needs of the people.",
          "The lorries had waited on the Egyptian side for several days while inspections were"
              + " agreed; drivers said they had slept in their cabs and bought food in nearby towns.",
          "Fuel was not part of the first delivery, and hospital directors warned that their"
              + " generators could stop within days if none arrived in the next convoy.",
          "Diplomats involved in the talks said further crossings depended on the inspections"
              + " running smoothly, and that a second convoy could follow early next week.",
          "The aid was distributed from warehouses in the south of the strip, where hundreds of"
              + " thousands of displaced people have been staying in schools and tents.");

  static Stream<Arguments> pages() {
    List<Arguments> out = new ArrayList<>();
    for (String t : TEMPLATES) {
      out.add(Arguments.of(t, "brief", BRIEF));
      out.add(Arguments.of(t, "long article", LONG));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with a {1}: standfirst and body extracted exactly")
  @MethodSource("pages")
  void theStandfirstAndTheWholeBodyAreExtractedWhateverTheBodysLength(
      String template, String kind, List<String> body) throws IOException {
    String html = fill(read(template), body);

    MainContentExtractor.Extracted e =
        new MainContentExtractor().extract(html, "https://news.example/2023/10/21/aid-convoy");

    assertThat(e.title()).isEqualTo(TITLE);
    List<String> expected = new ArrayList<>();
    expected.add(STANDFIRST);
    expected.addAll(body);
    assertThat(e.paragraphs()).containsExactlyElementsOf(expected);
  }

  private static String fill(String template, List<String> body) {
    StringBuilder p = new StringBuilder();
    for (String s : body) {
      p.append("<p>").append(s).append("</p>\n");
    }
    return template
        .replace("{{TITLE}}", TITLE)
        .replace("{{STANDFIRST}}", STANDFIRST)
        .replace("{{BODY}}", p.toString());
  }

  private static String read(String template) throws IOException {
    try (InputStream in =
        CmsTemplatesTest.class.getResourceAsStream("/cms-templates/" + template + ".html")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

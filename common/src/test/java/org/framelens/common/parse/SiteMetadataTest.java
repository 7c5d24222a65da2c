package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteMetadataTest {
  private final MainContentExtractor extractor = new MainContentExtractor();

  private MainContentExtractor.Extracted extract(String head, String url) {
    return extractor.extract(
        "<!doctype html><html><head><title>Ferry timetable changes</title>"
            + head
            + "</head><body><article><h1>Ferry timetable changes</h1><p>The island ferry will"
            + " leave half an hour earlier on weekdays from next month, the operator said, so"
            + " that commuters reach the mainland trains in time.</p></article></body></html>",
        url);
  }

  @Test
  void siteNameComesFromOgSiteName() {
    var x =
        extract(
            "<meta property=\"og:site_name\" content=\"Island Courier\">"
                + "<meta name=\"application-name\" content=\"Courier App\">",
            "https://courier.example/a");
    assertThat(x.siteName()).isEqualTo("Island Courier");
  }

  @Test
  void siteNameFallsBackToTheJsonLdPublisherThenApplicationName() {
    var ld =
        extract(
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Island Courier Ltd\"}}]}"
                + "</script><meta name=\"application-name\" content=\"Courier App\">",
            "https://courier.example/a");
    assertThat(ld.siteName()).isEqualTo("Island Courier Ltd");
    var app =
        extract(
            "<meta name=\"application-name\" content=\"Courier App\">",
            "https://courier.example/a");
    assertThat(app.siteName()).isEqualTo("Courier App");
    assertThat(extract("", "https://courier.example/a").siteName()).isNull();
  }

  @Test
  void canonicalLinkIsResolvedAgainstThePageUrl() {
    var x =
        extract(
            "<link rel=\"canonical\" href=\"/news/ferry-timetable\">"
                + "<meta property=\"og:url\" content=\"https://courier.example/og\">",
            "https://courier.example/news/ferry-timetable?utm_source=feed");
    assertThat(x.canonicalUrl()).isEqualTo("https://courier.example/news/ferry-timetable");
  }

  @Test
  void ogUrlIsTheCanonicalUrlWhenNoCanonicalLinkExists() {
    var x =
        extract(
            "<meta property=\"og:url\" content=\"https://courier.example/news/ferry\">",
            "https://m.courier.example/ferry");
    assertThat(x.canonicalUrl()).isEqualTo("https://courier.example/news/ferry");
  }

  @Test
  void relativeCanonicalWithoutAPageUrlIsDropped() {
    var x = extract("<link rel=\"canonical\" href=\"/news/ferry\">", null);
    assertThat(x.canonicalUrl()).isNull();
  }
}

package org.framelens.common.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublishedDatesTest {
  private final MainContentExtractor extractor = new MainContentExtractor();

  private static final String BODY =
      "<p>The village choir rehearsed in the old mill every Thursday through the long winter, and"
          + " its members say the damp stone walls gave their voices a warmth no hall could match.</p>"
          + "<p>The concert on Saturday drew more listeners than the mill could seat, so the doors"
          + " stayed open and people stood in the lane outside to hear the final hymn.</p>";

  private MainContentExtractor.Extracted extract(String head, String body, String url) {
    return extractor.extract(
        "<!doctype html><html><head><meta charset=utf-8><title>Choir fills the old mill</title>"
            + head
            + "</head><body>"
            + body
            + "</body></html>",
        url);
  }

  private MainContentExtractor.Extracted extract(String head, String body) {
    return extract(head, body, "https://news.example/culture/choir");
  }

  @Test
  void articlePublishedTimeMetaGivesTheDateWithSourceMeta() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2023-10-21T09:15:00+02:00\">",
            BODY);
    assertThat(x.published()).isEqualTo(Instant.parse("2023-10-21T07:15:00Z"));
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(x.publishedSource()).isEqualTo("meta");
  }

  @Test
  void localDateIsTheDateThePageWritesNotTheUtcDate() {
    var x = extract("<meta name=\"pubdate\" content=\"2023-10-21T00:30:00+02:00\">", BODY);
    assertThat(x.published()).isEqualTo(Instant.parse("2023-10-20T22:30:00Z"));
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
  }

  @Test
  void utcMetaDateTakesThePageLocalDayFromATimeElementNamingTheSameInstant() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2022-05-04T03:37:37+00:00\">",
            "<article><h1>Choir fills the old mill</h1><time datetime=\"2022-05-03T23:37:37-04:00\">"
                + "May 3, 2022</time>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2022, 5, 3));
    assertThat(x.published()).isEqualTo(Instant.parse("2022-05-04T03:37:37Z"));
  }

  @Test
  void lessCommonMetaKeysAreRead() {
    String[][] cases = {
      {"<meta property=\"article:published\" content=\"2021-03-04\">", "2021-03-04"},
      {"<meta property=\"og:pubdate\" content=\"2021-03-05T10:00:00Z\">", "2021-03-05"},
      {"<meta name=\"date\" content=\"2021-03-06\">", "2021-03-06"},
      {"<meta name=\"dc.date\" content=\"2021-03-07\">", "2021-03-07"},
      {"<meta name=\"DC.date.issued\" content=\"2021-03-08\">", "2021-03-08"},
      {"<meta property=\"dcterms:created\" content=\"2021-03-09\">", "2021-03-09"},
      {
        "<meta name=\"cXenseParse:recs:publishtime\" content=\"2021-03-10T08:00:00.000-05:00\">",
        "2021-03-10"
      },
      {"<meta name=\"parsely-pub-date\" content=\"2021-03-11T08:00:00Z\">", "2021-03-11"},
    };
    for (String[] c : cases) {
      var x = extract(c[0], BODY);
      assertThat(x.publishedLocalDate()).as(c[0]).hasToString(c[1]);
      assertThat(x.publishedSource()).as(c[0]).isEqualTo("meta");
    }
  }

  @Test
  void publishedTimeMetaOutranksOtherMetaKeys() {
    var x =
        extract(
            "<meta name=\"date\" content=\"2020-01-01\">"
                + "<meta property=\"article:published_time\" content=\"2020-02-02T12:00:00Z\">",
            BODY);
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2020, 2, 2));
  }

  @Test
  void jsonLdDatePublishedIsFoundInsideAGraph() {
    var x =
        extract(
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
                + "{\"@type\":\"WebSite\",\"name\":\"Valley Post\"},"
                + "{\"@type\":\"NewsArticle\",\"headline\":\"Choir\","
                + "\"datePublished\":\"2019-06-28T11:32:59+02:00\"}]}</script>",
            BODY);
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2019, 6, 28));
    assertThat(x.publishedSource()).isEqualTo("json-ld");
  }

  @Test
  void jsonLdDatePublishedIsFoundInATopLevelArray() {
    var x =
        extract(
            "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},"
                + "{\"@type\":\"BlogPosting\",\"datePublished\":\"2018-12-31\"}]</script>",
            BODY);
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2018, 12, 31));
  }

  @Test
  void itempropDatePublishedOnAnyElementIsRead() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>"
                + "<span itemprop=\"datePublished\" content=\"2017-04-12\">spring</span>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2017, 4, 12));
    assertThat(x.publishedSource()).isEqualTo("time");
  }

  @Test
  void timeElementInTheArticleHeaderGivesTheDate() {
    var x =
        extract(
            "",
            "<article><header><h1>Choir fills the old mill</h1>"
                + "<time datetime=\"2023-11-05 14:09\">5 November 2023</time></header>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 11, 5));
    assertThat(x.publishedSource()).isEqualTo("time");
  }

  @Test
  void timeElementsInsideCommentsAreIgnored() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>"
                + BODY
                + "<div class=\"comment-list\"><time datetime=\"2024-01-09\">9 Jan</time>"
                + "<p>Lovely evening.</p></div></article>");
    assertThat(x.publishedLocalDate()).isNull();
    assertThat(x.publishedSource()).isNull();
  }

  @Test
  void timeElementsOfAnEmbeddedPostAreIgnored() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2019-10-18T16:06:50+0200\">",
            "<article><h1>Choir fills the old mill</h1>"
                + BODY
                + "<blockquote class=\"social-embed\"><p>A post shared by the choir on"
                + " <time datetime=\"2019-04-21T23:47:18+00:00\">Apr 21, 2019</time></p></blockquote>"
                + "<div class=\"date\">Posted 18.10.2019 16:06</div></article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2019, 10, 18));
  }

  @Test
  void germanBylineDateNextToTheHeadlineIsRead() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1><p>Von Anna Berger, 21. Oktober 2023</p>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(x.publishedSource()).isEqualTo("text");
  }

  @Test
  void spanishDateInADateClassedElementIsRead() {
    var x =
        extract(
            "",
            "<div class=\"fecha\">Publicado el 21 de octubre de 2023</div><article>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
  }

  @Test
  void frenchDateInTheBylineIsRead() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1><div class=\"signature\">Par Luc Martin,"
                + " le 21 octobre 2023</div>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
  }

  @Test
  void dateAgreedOnByMoreSourcesWinsOverASingleMetaTag() {
    var x =
        extract(
            "<meta name=\"date\" content=\"2020-01-03\">",
            "<article><h1>Choir fills the old mill</h1>"
                + "<time datetime=\"2020-01-06T10:00:00+01:00\">6 January 2020</time>"
                + "<div class=\"post-date\">6 January 2020</div>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2020, 1, 6));
  }

  @Test
  void shownDateThatIsTheModificationDateWinsOverTheEarlierPublicationMeta() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2021-11-29T14:13:37+00:00\">"
                + "<meta property=\"article:modified_time\" content=\"2022-01-12T14:27:30+00:00\">",
            "<article><h1>Choir fills the old mill</h1><p>Anna Berger, 12.01.2022</p>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2022, 1, 12));
    assertThat(x.published()).isEqualTo(Instant.parse("2022-01-12T14:27:30Z"));
    assertThat(x.publishedSource()).isEqualTo("meta");
  }

  @Test
  void shownDateConfirmedByJsonLdDateModifiedWins() {
    var x =
        extract(
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2019-06-17T00:00:00+00:00\","
                + "\"dateModified\":\"2020-06-04T16:41:46+00:00\"}</script>",
            "<article><h1>Choir fills the old mill</h1><div class=\"post-meta\">June 4, 2020</div>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2020, 6, 4));
    assertThat(x.publishedSource()).isEqualTo("json-ld");
  }

  @Test
  void shownDateKeepsThePageLocalDayOfAUtcTimestampFromTheDayBefore() {
    // 23:50 UTC on 3 May is already 4 May on the page's own clock: the page shows 4 May.
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2022-05-03T23:50:00Z\">"
                + "<meta name=\"dcterms.date\" content=\"2022-05-04T01:50:00+02:00\">",
            "<article><h1>Choir fills the old mill</h1><p>4. Mai 2022</p>" + BODY + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2022, 5, 4));
  }

  @Test
  void shownDateNamedByNoMachineDateDoesNotOverrideTheMetaDate() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2021-03-08T11:15:28Z\">"
                + "<meta itemprop=\"datePublished\" content=\"2021-03-08T11:15:28Z\">",
            "<article><h1>Choir fills the old mill</h1><p>Updated 14 March 2021</p>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2021, 3, 8));
  }

  @Test
  void copiedBylineDateBeforeThePagesOwnPublicationIsNotTaken() {
    // A wire story republished a day later with the agency's dated byline kept verbatim.
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2023-10-19T06:30:00-04:00\">"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"datePublished\":\"2023-10-19T06:30:00-04:00\"}</script>",
            "<article><h1>Choir fills the old mill</h1><p>By Wire Staff"
                + " <time datetime=\"2023-10-18T16:20:00Z\">October 18, 2023 4:20 PM UTC</time></p>"
                + BODY
                + "</article>",
            "https://news.example/2023/10/19/choir");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 19));
    assertThat(x.published()).isEqualTo(Instant.parse("2023-10-19T10:30:00Z"));
  }

  @Test
  void modificationDateBeforeThePublicationDateConfirmsNothing() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2022-12-25T11:00:00+00:00\">"
                + "<meta property=\"article:modified_time\" content=\"2022-12-07T09:10:00+00:00\">",
            "<article><h1>Choir fills the old mill</h1><p>Anna Berger 2022-12-07 10:10</p>"
                + BODY
                + "</article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2022, 12, 25));
  }

  @Test
  void dateLabelledAsPublishedInTheFooterIsRead() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>"
                + BODY
                + "</article><footer><p>Letzte Änderung: 31.10.2023<br>Erschienen am: 01.11.2023"
                + "</p></footer>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 11, 1));
    assertThat(x.publishedSource()).isEqualTo("text");
  }

  @Test
  void labelledDateOutranksAnUnlabelledBylineDate() {
    var x =
        extract(
            "",
            "<article><div class=\"meta\">Stand 14.10.2021</div>"
                + BODY
                + "<div><span>Datum:</span> <span>18.10.2021</span></div></article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2021, 10, 18));
  }

  @Test
  void labelledDateConfirmedByATimeElementWinsOverTheUtcMetaDay() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2023-11-09T05:30:59Z\">",
            "<article><h1>Choir fills the old mill</h1>"
                + "<div class=\"byline\">Staff reports</div>"
                + BODY
                + "<p>PUBLISHED: <time datetime=\"2023-11-08 23:30:59\">November 8, 2023 at 11:30"
                + " p.m.</time></p></article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 11, 8));
    assertThat(x.publishedSource()).isEqualTo("time");
  }

  @Test
  void hiddenLabelledDatesAreIgnored() {
    var doc =
        org.jsoup.Jsoup.parse(
            "<body><h1>Choir fills the old mill</h1>"
                + BODY
                + "<ul><li><div style=\"display: none\">Published 21 July 2017</div>"
                + "<a href=\"/other\">Another story</a></li>"
                + "<li><div hidden>Erschienen am 3. Mai 2018</div></li></ul></body>");
    assertThat(WrittenDates.fromLabel(doc)).isNull();
    doc.select("[style], [hidden]").removeAttr("style").removeAttr("hidden");
    assertThat(WrittenDates.fromLabel(doc).localDate()).isEqualTo(LocalDate.of(2017, 7, 21));
  }

  @Test
  void publicationDateInEmbeddedScriptDataIsAFallback() {
    String script =
        "<script>window.__STATE__ = {\"product\":{\"title\":\"Choir\","
            + "\"published_at\":\"2019-03-02T06:22:28+01:00\"}};</script>";
    var x =
        extract("", "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>" + script);
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2019, 3, 2));
    assertThat(x.publishedSource()).isEqualTo("script");
    var withMeta =
        extract(
            "<meta property=\"article:published_time\" content=\"2019-03-05T08:00:00+01:00\">",
            "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>" + script);
    assertThat(withMeta.publishedLocalDate()).isEqualTo(LocalDate.of(2019, 3, 5));
  }

  @Test
  void dateLabelledAsTheLastUpdateIsAFallbackBeforeOtherText() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>"
                + BODY
                + "<p>Das Konzert vom 31.05.2021 war ausverkauft.</p>"
                + "<p><b>Aktualisiert am</b> 17.01.2022.</p></article>");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2022, 1, 17));
    assertThat(x.publishedSource()).isEqualTo("text");
  }

  @Test
  void slashDatesAreReadInTheOrderOfThePageLanguage() {
    String body =
        "<article><h1>Choir fills the old mill</h1><span class=\"time\">02/10/2020</span>"
            + BODY
            + "</article>";
    String page =
        "<html %s><head><title>Choir fills the old mill</title></head><body>%s</body></html>";
    String url = "https://news.example/culture/choir";
    assertThat(
            extractor
                .extract(String.format(page, "lang=\"en-GB\"", body), url)
                .publishedLocalDate())
        .isEqualTo(LocalDate.of(2020, 10, 2));
    assertThat(
            extractor
                .extract(String.format(page, "xml:lang=\"de\"", body), url)
                .publishedLocalDate())
        .isEqualTo(LocalDate.of(2020, 10, 2));
    assertThat(
            extractor
                .extract(String.format(page, "lang=\"en-US\"", body), url)
                .publishedLocalDate())
        .isEqualTo(LocalDate.of(2020, 2, 10));
    assertThat(extractor.extract(String.format(page, "", body), url).publishedLocalDate()).isNull();
  }

  @Test
  void dateInTheUrlIsTheLastResort() {
    var x =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>",
            "https://news.example/2023/10/21/choir-fills-the-old-mill/");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(x.publishedSource()).isEqualTo("url");
    var compact =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>",
            "https://news.example/culture/choir-20231021.html");
    assertThat(compact.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
    var dayFirst =
        extract(
            "",
            "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>",
            "https://news.example/meldungen/21-10-2023");
    assertThat(dayFirst.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 21));
    assertThat(dayFirst.publishedSource()).isEqualTo("url");
  }

  @Test
  void urlDateLosesToAMetaDate() {
    var x =
        extract(
            "<meta property=\"article:published_time\" content=\"2023-10-22T08:00:00+02:00\">",
            BODY,
            "https://news.example/2023/10/21/choir/");
    assertThat(x.publishedLocalDate()).isEqualTo(LocalDate.of(2023, 10, 22));
    assertThat(x.publishedSource()).isEqualTo("meta");
  }

  @Test
  void implausibleYearsAreIgnored() {
    var x = extract("<meta name=\"date\" content=\"0001-01-01\">", BODY);
    assertThat(x.published()).isNull();
  }

  @Test
  void pageWithoutAnyDateHasNone() {
    var x = extract("", "<article><h1>Choir fills the old mill</h1>" + BODY + "</article>");
    assertThat(x.published()).isNull();
    assertThat(x.publishedLocalDate()).isNull();
    assertThat(x.publishedSource()).isNull();
  }
}

package org.framelens.common.parse;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the main text of a news article (headline, body paragraphs, author) from HTML, dropping
 * navigation, "most read" boxes, tag lists, cookie banners, newsletters, footers and similar
 * boilerplate.
 *
 * <p>Algorithm (readability / trafilatura style): parse with jsoup, read title, author, site name,
 * canonical URL ({@link MainContentMetadata}) and publication date ({@link PublishedDates}) from
 * the whole page, then read the article's text from the body ({@link ArticleBody}): remove
 * non-content elements ({@link Boilerplate}), choose the content root ({@link ContentRoots}), emit
 * one entry per block ({@link TextBlocks}), drop link lists, short UI strings, duplicates and
 * trailing orphan headings ({@link BlockFilter}), and fall back to the whole cleaned page when the
 * chosen container is nearly empty. The article's standfirst (deck, sub-headline, lead) between the
 * headline and the chosen container is kept at the top of the body ({@link Standfirst}). Captions
 * are dropped because both benchmarks scored better without them.
 *
 * <p>All tree walks are iterative (jsoup {@link org.jsoup.select.NodeTraversor}), so arbitrarily
 * deep HTML does not overflow the stack. A failure in any step is not hidden: {@link #extract}
 * throws it (the caller records it; {@code ArticleProcessor} quarantines the document at stage
 * {@code parse}), since an empty result would turn a broken extraction into an empty article.
 *
 * <p><b>Thread safety:</b> instances hold no mutable state; one instance may be shared by any
 * number of threads.
 */
public final class MainContentExtractor {

  /**
   * The extraction result; {@code paragraphs} is never null (empty when nothing was found).
   *
   * @param published publication time from the page's meta tags, JSON-LD, time elements, dated
   *     bylines or URL (midnight UTC when the page writes only a calendar date); null when the page
   *     gives none
   * @param publishedLocalDate the calendar date of {@code published} as the page writes it, before
   *     conversion to UTC (the date a reader of the page sees); null with {@code published}
   * @param publishedSource where {@code published} was found: {@code meta} (meta tags), {@code
   *     json-ld}, {@code time} ({@code <time>} / {@code itemprop=datePublished} elements), {@code
   *     text} (a date written in a byline, next to the headline or, when nothing else has one, in
   *     the page text) or {@code url} (a date in the URL); null with {@code published}
   * @param siteName the publication's name (og:site_name, JSON-LD publisher, application-name)
   * @param canonicalUrl the page's canonical URL (link rel=canonical, og:url), absolute
   * @param standfirstParagraphs how many of the first {@code paragraphs} are the standfirst (deck,
   *     sub-headline, lead) found between the headline and the body container (see {@link
   *     Standfirst}); 0 when none was
   */
  public record Extracted(
      String title,
      List<String> paragraphs,
      String author,
      java.time.Instant published,
      java.time.LocalDate publishedLocalDate,
      String publishedSource,
      String siteName,
      String canonicalUrl,
      int standfirstParagraphs) {
    public Extracted {
      paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
      standfirstParagraphs = Math.max(0, Math.min(standfirstParagraphs, paragraphs.size()));
    }

    public Extracted(
        String title,
        List<String> paragraphs,
        String author,
        java.time.Instant published,
        java.time.LocalDate publishedLocalDate,
        String publishedSource,
        String siteName,
        String canonicalUrl) {
      this(
          title,
          paragraphs,
          author,
          published,
          publishedLocalDate,
          publishedSource,
          siteName,
          canonicalUrl,
          0);
    }

    /**
     * The paragraphs after the standfirst: what benchmarks that count the standfirst out of the
     * article body (Zyte's) compare with.
     */
    public List<String> bodyWithoutStandfirst() {
      return paragraphs.subList(standfirstParagraphs, paragraphs.size());
    }

    Extracted withParagraphs(List<String> p, int standfirst) {
      return new Extracted(
          title,
          p,
          author,
          published,
          publishedLocalDate,
          publishedSource,
          siteName,
          canonicalUrl,
          standfirst);
    }
  }

  private static final Extracted EMPTY =
      new Extracted(null, List.of(), null, null, null, null, null, null);

  /**
   * Reads the article's text from a page's body (modifying it): {@link ArticleBody#read}, or in a
   * test a step that fails.
   */
  @FunctionalInterface
  interface BodyReader {
    ArticleBody read(Element body, String title, String author, ParseDeadline deadline);
  }

  private final BodyReader bodyReader;

  public MainContentExtractor() {
    this(ArticleBody::read);
  }

  /** An extractor that reads the body with {@code bodyReader} (tests inject a failing step). */
  MainContentExtractor(BodyReader bodyReader) {
    this.bodyReader = bodyReader;
  }

  /**
   * Extracts headline, main-text blocks and author; an empty result for null or blank input.
   * Lenient with malformed HTML (jsoup repairs it); a failure of any step (a {@link
   * RuntimeException}, a {@link StackOverflowError}) is thrown, never turned into an empty result.
   */
  public Extracted extract(String html, String baseUrl) {
    return extract(html, baseUrl, ParseDeadline.NONE);
  }

  /**
   * As {@link #extract(String, String)}, stopped by {@link ParseDeadline.ParseTimeoutException}
   * when the deadline passes.
   */
  public Extracted extract(String html, String baseUrl, ParseDeadline deadline) {
    if (html == null || html.isBlank()) {
      return EMPTY;
    }
    return doExtract(html, baseUrl == null ? "" : baseUrl, deadline);
  }

  private Extracted doExtract(String html, String url, ParseDeadline deadline) {
    Document doc =
        org.jsoup.parser.Parser.htmlParser()
            .parseInput(deadline.watch(new java.io.StringReader(html)), url);
    deadline.check();
    String title = MainContentMetadata.title(doc);
    PublishedDate date = PublishedDates.find(doc, url, title);
    Extracted meta =
        new Extracted(
            title,
            List.of(),
            MainContentMetadata.author(doc),
            date == null ? null : date.instant(),
            date == null ? null : date.localDate(),
            date == null ? null : date.source(),
            MainContentMetadata.siteName(doc),
            MainContentMetadata.canonicalUrl(doc, url));
    Element body = doc.body();
    if (body == null) {
      return meta;
    }
    ArticleBody text = bodyReader.read(body, title, meta.author(), deadline);
    return meta.withParagraphs(text.paragraphs(), text.standfirstParagraphs());
  }
}

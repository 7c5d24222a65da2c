/**
 * Parsing one document into a {@link org.framelens.common.parse.ParsedDocument}: title, author,
 * publication date, site name, canonical URL and the article's paragraphs.
 *
 * <p>{@link org.framelens.common.parse.ArticleParser} is the entry: Apache Tika detects the type
 * and parses every format but HTML ({@link org.framelens.common.parse.Charsets} chooses an HTML
 * page's charset); HTML goes through {@link org.framelens.common.parse.MainContentExtractor} over
 * jsoup's DOM, in steps of one class each:
 *
 * <ul>
 *   <li>metadata read from the whole page: {@code MainContentMetadata} (title, author, site name,
 *       canonical URL, with {@code MainContentJson} for JSON-LD) and {@code PublishedDates}, which
 *       chooses among the dates that {@code MachineDates} (meta tags, JSON-LD, {@code itemprop},
 *       {@code <time>}, script data, URL) and {@code WrittenDates} (bylines, the text by the
 *       headline, labelled dates, the first date of the text; parsed by {@code TextDates} and
 *       {@code Dates}, over the visible text {@code PageText} gives) find;
 *   <li>the article's text read from the body: {@code ArticleBody} runs {@code Boilerplate}
 *       (removes page furniture), {@code PageStats} (text and link lengths per element), {@code
 *       ContentRoots} (chooses the content container), {@code Standfirst} (the deck between
 *       headline and container), {@code TextBlocks} (one block per run of text) and {@code
 *       BlockFilter} (drops UI strings, duplicates, link lists), with {@code MainContentText}'s
 *       whitespace and key helpers.
 * </ul>
 *
 * <p>Failures are not hidden: a step that throws makes the parse throw, and the caller records it
 * ({@code ArticleProcessor} quarantines the document at stage {@code parse}); {@link
 * org.framelens.common.parse.ParseDeadline} stops a parse that runs too long and {@link
 * org.framelens.common.parse.NotADocumentException} marks content that is no document. Tree walks
 * are iterative, so deep HTML does not overflow the stack. Everything here is plain Java, tested
 * without Spark; the extractor and its steps are stateless and thread-safe, an {@code
 * ArticleParser} is one per thread.
 */
package org.framelens.common.parse;

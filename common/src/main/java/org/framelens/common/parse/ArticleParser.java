package org.framelens.common.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.framelens.common.input.DocumentTypes;
import org.framelens.common.input.RawDocument;
import org.xml.sax.SAXException;

/**
 * Parses one document. Tika detects the type and the charset and parses every format but HTML; HTML
 * goes through {@link MainContentExtractor} over jsoup's DOM (the jsoup Tika itself uses), which
 * keeps the article's main text and drops navigation, "most read" boxes, tag lists, cookie notices
 * and footers: measured on the public Zyte and trafilatura benchmarks it beats Tika's Boilerpipe
 * handler by far (see docs/BENCHMARKS.md). Not thread-safe: use one per thread.
 */
public final class ArticleParser {
  private final int maxTextChars;
  private final long timeoutMillis;
  private final java.util.function.Supplier<Parts> newParts;
  private Parts parts;

  /**
   * The parsers' state one parse uses. A parse the watchdog abandons keeps its parts; the next
   * parse gets new ones, so a parse still running on an abandoned thread shares nothing with it.
   */
  private static final class Parts {
    final AutoDetectParser autoParser;
    final Detector detector;
    final MainContentExtractor extractor;
    final Charsets charsets = new Charsets();

    Parts(AutoDetectParser autoParser, MainContentExtractor extractor) {
      this.autoParser = autoParser;
      this.detector = autoParser.getDetector();
      this.extractor = extractor;
    }
  }

  public ArticleParser(int maxTextChars) {
    this(maxTextChars, 0);
  }

  /**
   * @param timeoutMillis a parse taking longer throws {@link ParseDeadline.ParseTimeoutException};
   *     zero for no limit
   */
  public ArticleParser(int maxTextChars, long timeoutMillis) {
    this(maxTextChars, timeoutMillis, new MainContentExtractor());
  }

  /** A parser whose HTML goes through {@code extractor} (tests inject one whose step fails). */
  ArticleParser(int maxTextChars, long timeoutMillis, MainContentExtractor extractor) {
    this(maxTextChars, timeoutMillis, () -> new Parts(new AutoDetectParser(), extractor));
  }

  /** A parser whose non-HTML formats go through the given Tika parser (tests inject a stub). */
  static ArticleParser withTika(
      int maxTextChars, long timeoutMillis, java.util.function.Supplier<AutoDetectParser> tika) {
    return new ArticleParser(
        maxTextChars, timeoutMillis, () -> new Parts(tika.get(), new MainContentExtractor()));
  }

  private ArticleParser(
      int maxTextChars, long timeoutMillis, java.util.function.Supplier<Parts> newParts) {
    this.maxTextChars = maxTextChars;
    this.timeoutMillis = timeoutMillis;
    this.newParts = newParts;
    this.parts = newParts.get();
  }

  /**
   * Parses within the time limit. The deadline is checked inside the parse (reads, SAX events, the
   * extractor's phases) and enforced from outside by {@link ParseWatchdog}, which gives up on a
   * parse that works past it without reading or writing (PDFBox on a huge content stream): the
   * document fails with {@link ParseDeadline.ParseTimeoutException} either way.
   */
  public ParsedDocument parse(RawDocument doc)
      throws IOException, TikaException, SAXException, NotADocumentException {
    if (timeoutMillis <= 0) {
      return parse(doc, parts, ParseDeadline.NONE);
    }
    Parts p = parts;
    ParseDeadline deadline = ParseDeadline.in(timeoutMillis);
    try {
      return ParseWatchdog.run(
          () -> parse(doc, p, deadline), timeoutMillis, () -> parts = newParts.get());
    } catch (IOException
        | TikaException
        | SAXException
        | NotADocumentException
        | RuntimeException
        | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ParsedDocument parse(RawDocument doc, Parts p, ParseDeadline deadline)
      throws IOException, TikaException, SAXException, NotADocumentException {
    String type = detectType(doc, p);
    if ("text/html".equals(type) || "application/xhtml+xml".equals(type)) {
      return parseHtml(doc, type, deadline, p);
    }
    if (!DocumentTypes.isDocument(type)) {
      throw new NotADocumentException(type);
    }
    return parseOther(doc, type, deadline, p);
  }

  private String detectType(RawDocument doc, Parts p) throws IOException {
    String declared = DocumentTypes.baseType(doc.declaredContentType());
    if (declared != null && DocumentTypes.isDocument(declared) && !"text/plain".equals(declared)) {
      return declared;
    }
    // Generic or text/plain declarations are often wrong (servers send HTML as text/plain).
    Metadata metadata = new Metadata();
    if (doc.url() != null) {
      metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, resourceName(doc.url()));
    }
    try (InputStream in = new ByteArrayInputStream(doc.body())) {
      MediaType detected = p.detector.detect(in, metadata);
      String base = detected.getBaseType().toString();
      if (base.equals("application/octet-stream") && declared != null) {
        return declared;
      }
      return base;
    }
  }

  private static String resourceName(String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private ParsedDocument parseHtml(RawDocument doc, String type, ParseDeadline deadline, Parts p) {
    Charset charset =
        p.charsets.choose(doc.body(), DocumentTypes.charsetParameter(doc.declaredContentType()));
    String html = Charsets.decode(doc.body(), charset);
    MainContentExtractor.Extracted e = p.extractor.extract(html, doc.url(), deadline);
    List<String> paragraphs = new ArrayList<>(e.paragraphs());
    List<String> kept = truncate(paragraphs);
    return new ParsedDocument(
        type,
        e.title(),
        e.author(),
        e.published(),
        kept,
        charset.name(),
        e.publishedSource(),
        e.siteName(),
        e.canonicalUrl(),
        truncated(paragraphs, kept));
  }

  private ParsedDocument parseOther(RawDocument doc, String type, ParseDeadline deadline, Parts p)
      throws IOException, TikaException, SAXException {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, type);
    BodyContentHandler handler = new BodyContentHandler(maxTextChars);
    boolean limitReached = false;
    // AutoDetectParser wraps the handler in Tika's SecureContentHandler (zip bomb: output/input
    // ratio and nesting limits); Tika's XML parsers have external entities and DTDs disabled.
    try (InputStream in = deadline.watch(new ByteArrayInputStream(doc.body()))) {
      p.autoParser.parse(in, deadline.watch(handler), metadata, new ParseContext());
    } catch (SAXException | TikaException e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e)) {
        throw e;
      }
      limitReached = true;
    }
    List<String> paragraphs = paragraphs(handler.toString());
    String title = clean(metadata.get(TikaCoreProperties.TITLE));
    if (title == null && !paragraphs.isEmpty()) {
      title = paragraphs.remove(0);
    } else if (title != null && !paragraphs.isEmpty() && sameText(paragraphs.get(0), title)) {
      paragraphs.remove(0);
    }
    List<String> kept = truncate(paragraphs);
    java.time.Instant published = Dates.parse(metadata.get(TikaCoreProperties.CREATED));
    String author = clean(metadata.get(TikaCoreProperties.CREATOR));
    return new ParsedDocument(
        type,
        title,
        author,
        published,
        kept,
        null,
        published == null ? null : "document",
        null,
        null,
        limitReached || truncated(paragraphs, kept));
  }

  private static boolean truncated(List<String> all, List<String> kept) {
    return kept.size() < all.size()
        || (!kept.isEmpty()
            && kept.get(kept.size() - 1).length() < all.get(kept.size() - 1).length());
  }

  /** Splits extracted text into trimmed, non-empty paragraphs with inner whitespace collapsed. */
  static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String p = line.replaceAll("[\\s\\u00A0]+", " ").strip();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  private List<String> truncate(List<String> paragraphs) {
    List<String> out = new ArrayList<>();
    int total = 0;
    for (String p : paragraphs) {
      if (total + p.length() > maxTextChars) {
        int room = maxTextChars - total;
        if (room > 0) {
          out.add(p.substring(0, room));
        }
        break;
      }
      out.add(p);
      total += p.length() + 1;
    }
    return out;
  }

  private static boolean sameText(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  private static String normalise(String s) {
    return s.replaceAll("[\\s\\u00A0]+", " ").strip().toLowerCase(Locale.ROOT);
  }

  private static String clean(String s) {
    if (s == null) {
      return null;
    }
    String c = s.replaceAll("[\\s\\u00A0]+", " ").strip();
    return c.isEmpty() ? null : c;
  }
}

package org.framelens.common.pipeline;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.framelens.common.dedup.TextSketch;
import org.framelens.common.input.InputFiles;
import org.framelens.common.input.RawDocument;
import org.framelens.common.input.ReadOutcome;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.outlet.OutletResolver;
import org.framelens.common.parse.ArticleParser;
import org.framelens.common.parse.NotADocumentException;
import org.framelens.common.parse.ParsedDocument;

/**
 * Per-record logic: a read outcome becomes an article with its frame hits, a skip, or a quarantine
 * row naming the stage that failed. Never throws for bad input. Not thread-safe: one per thread,
 * over shared {@link ProcessingResources}.
 */
public final class ArticleProcessor {
  private final ProcessingResources resources;
  private final ArticleParser parser;
  private final FrameTagger tagger;
  private final StageTimes times = new StageTimes();

  public ArticleProcessor(ProcessingResources resources) {
    this(
        resources,
        new ArticleParser(
            resources.config().maxTextChars(), resources.config().parseTimeoutMillis()));
  }

  /** A processor that parses with {@code parser} (tests inject one whose extraction fails). */
  ArticleProcessor(ProcessingResources resources, ArticleParser parser) {
    this.resources = resources;
    this.parser = parser;
    this.tagger = new FrameTagger(resources.lexicon(), resources.languages());
  }

  /** Nanoseconds spent per stage by this processor so far. */
  public StageTimes times() {
    return times;
  }

  /**
   * Never throws for bad input: whatever a record does, the outcome is an article, a skip or a
   * quarantine row (an exception from any stage, even one this class does not expect, is the
   * record's row). An {@link OutOfMemoryError} is not caught: it says the executor JVM, which other
   * tasks share, ran out of heap, not that this record is bad (the record in hand is often not the
   * one that filled it), and carrying on in that JVM would leave other threads failing at random.
   * It ends the task, and Spark retries it. Documents over {@code maxDocumentBytes} are quarantined
   * when read ({@code too_large}), which keeps one document's parse to a bounded share of the heap.
   */
  public Processed process(ReadOutcome outcome) {
    try {
      return processUnguarded(outcome);
    } catch (RuntimeException | StackOverflowError e) {
      return unexpected(outcome, e);
    }
  }

  private Processed unexpected(ReadOutcome outcome, Throwable e) {
    if (outcome instanceof ReadOutcome.Document d) {
      return quarantine(d.document(), QuarantineRecord.PARSE, e);
    }
    String file = "(unknown)";
    Long offset = null;
    String url = null;
    if (outcome instanceof ReadOutcome.Skipped s) {
      file = s.sourceFile();
      offset = s.sourceOffset();
      url = s.url();
    } else if (outcome instanceof ReadOutcome.Failed f) {
      file = f.sourceFile();
      offset = f.sourceOffset();
      url = f.url();
    }
    return new Processed.Quarantined(
        new QuarantineRecord(
            file, offset, url, QuarantineRecord.READ, reasonCode(e), describe(e), null));
  }

  private Processed processUnguarded(ReadOutcome outcome) {
    if (outcome instanceof ReadOutcome.Document d) {
      return process(d.document());
    }
    if (outcome instanceof ReadOutcome.Skipped s) {
      return new Processed.Skipped(s.sourceFile(), s.sourceOffset(), s.url(), s.reason());
    }
    ReadOutcome.Failed f = (ReadOutcome.Failed) outcome;
    return new Processed.Quarantined(
        new QuarantineRecord(
            f.sourceFile(),
            f.sourceOffset(),
            f.url(),
            QuarantineRecord.READ,
            f.errorClass(),
            f.message(),
            date(f.crawlTime())));
  }

  public Processed process(RawDocument doc) {
    long t0 = System.nanoTime();
    ParsedDocument parsed;
    try {
      parsed = parser.parse(doc);
    } catch (NotADocumentException e) {
      times.parse += System.nanoTime() - t0;
      if (!InputFiles.isCrawl(doc.sourceFile())) {
        // a whole input file that is no document: accounted for as a quarantine row
        return new Processed.Quarantined(
            new QuarantineRecord(
                doc.sourceFile(),
                doc.sourceOffset(),
                doc.url(),
                QuarantineRecord.READ,
                InputFiles.UNSUPPORTED_FILE,
                "neither a crawl (WARC, ARC) nor a document: " + e.getMessage(),
                doc.crawlDate()));
      }
      return new Processed.Skipped(
          doc.sourceFile(), doc.sourceOffset(), doc.url(), "not_a_document");
    } catch (Exception | StackOverflowError e) {
      // an extraction failure too: the extractor throws it rather than return an empty article
      times.parse += System.nanoTime() - t0;
      return quarantine(doc, QuarantineRecord.PARSE, e);
    }
    long t1 = System.nanoTime();
    times.parse += t1 - t0;

    LanguageDetection.Detected lang;
    try {
      String sample =
          parsed.title() == null ? parsed.text() : parsed.title() + "\n" + parsed.text();
      lang = resources.languages().detect(sample);
    } catch (RuntimeException e) {
      times.detect += System.nanoTime() - t1;
      return quarantine(doc, QuarantineRecord.DETECT, e);
    }
    long t2 = System.nanoTime();
    times.detect += t2 - t1;

    FrameTagger.TagResult tagged;
    try {
      tagged = tagger.tag(parsed.title(), parsed.paragraphs(), lang.lang());
    } catch (RuntimeException | StackOverflowError e) {
      times.tag += System.nanoTime() - t2;
      return quarantine(doc, QuarantineRecord.TAG, e);
    }
    times.tag += System.nanoTime() - t2;

    String host = OutletResolver.host(doc.url());
    String outlet = outlet(doc, host);
    String digest = Hashing.sha256().hashBytes(doc.body()).toString();
    String text = parsed.text();
    Instant published = parsed.publishedAt() != null ? parsed.publishedAt() : doc.publishedHint();
    String publishedSource =
        parsed.publishedAt() != null
            ? parsed.publishedSource()
            : doc.publishedHint() != null ? "manifest" : null;
    ArticleRecord article =
        new ArticleRecord(
            articleId(doc.url(), digest),
            doc.url(),
            host,
            outlet,
            doc.crawlTime(),
            published,
            publishedSource,
            parsed.title(),
            parsed.author(),
            parsed.siteName(),
            parsed.canonicalUrl(),
            lang.lang(),
            lang.confidence(),
            parsed.contentType(),
            text,
            text.length(),
            parsed.textTruncated(),
            tagged.tokenCount(),
            digest,
            doc.sourceFile(),
            doc.sourceOffset(),
            doc.crawlDate());
    QuarantineRecord note =
        doc.note() == null
            ? null
            : new QuarantineRecord(
                doc.sourceFile(),
                doc.sourceOffset(),
                doc.url(),
                QuarantineRecord.FALLBACK,
                doc.note().code(),
                doc.note().message(),
                doc.crawlDate());
    long t3 = System.nanoTime();
    TextSketch sketch = TextSketch.of(text);
    times.sketch += System.nanoTime() - t3;
    return new Processed.Article(article, tagged.allHits(), note, sketch);
  }

  private String outlet(RawDocument doc, String host) {
    if (doc.outletHint() != null) {
      return doc.outletHint();
    }
    String fromHost = resources.outlets().outletForHost(host);
    return fromHost != null ? fromHost : "unknown";
  }

  /** Stable id: same URL and same bytes give the same id. */
  public static String articleId(String url, String contentDigest) {
    return Hashing.sha256()
        .hashString(url + "\n" + contentDigest, StandardCharsets.UTF_8)
        .toString()
        .substring(0, 32);
  }

  private static Processed quarantine(RawDocument doc, String stage, Throwable e) {
    String message = describe(e);
    if (message.length() > 1000) {
      message = message.substring(0, 1000) + "…";
    }
    return new Processed.Quarantined(
        new QuarantineRecord(
            doc.sourceFile(),
            doc.sourceOffset(),
            doc.url(),
            stage,
            reasonCode(e),
            message,
            doc.crawlDate()));
  }

  /**
   * What went wrong, the same on every run: Tika's wrappers say only "Illegal IOException from
   * PDFParser@1a2b3c", so the message is the wrapper's plus the innermost cause's, with object
   * identity hashes removed (a rerun must produce an identical quarantine table).
   */
  static String describe(Throwable e) {
    String top = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = top;
    if (root != e) {
      String inner = root.getMessage() == null ? "" : ": " + root.getMessage();
      message = top + " (caused by " + root.getClass().getSimpleName() + inner + ")";
    }
    return message.replaceAll("@[0-9a-f]{4,}", "");
  }

  /** A reason code for the limits, the exception's class name for everything else. */
  static String reasonCode(Throwable e) {
    // Tika wraps what a content handler throws: the deadline's exception may come as a cause
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof org.framelens.common.parse.ParseDeadline.ParseTimeoutException) {
        return "parse_timeout";
      }
    }
    // Tika's SecureContentHandler reports an expanding archive as "Suspected zip bomb", wrapped
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c.getMessage() != null
          && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("zip bomb")) {
        return "zip_bomb";
      }
    }
    if (e instanceof StackOverflowError) {
      return "too_deeply_nested";
    }
    return e.getClass().getSimpleName();
  }

  private static LocalDate date(Instant t) {
    return t == null ? null : LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  /** Mutable per-processor stage timers. */
  public static final class StageTimes {
    public long parse;
    public long detect;
    public long tag;
    public long sketch;
  }
}

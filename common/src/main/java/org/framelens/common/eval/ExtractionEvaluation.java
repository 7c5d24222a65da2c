package org.framelens.common.eval;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.framelens.common.parse.MainContentExtractor;
import org.xml.sax.SAXException;

/**
 * Scores {@link MainContentExtractor} on the public benchmarks of {@code ../shared/eval}: Zyte
 * shingle P / R / F1, trafilatura segment P / R / F, published-date and title accuracy on the
 * trafilatura pages' expected metadata, and our time per page against Tika's plain body-text
 * extraction of the same pages. Plain Java, single-threaded.
 */
public final class ExtractionEvaluation {
  private final MainContentExtractor extractor = new MainContentExtractor();

  /** Keeps the timed work observable so the JIT cannot drop it. */
  private volatile long blackhole;

  /**
   * Zyte score and our output per page id. Zyte's ground truth is the article body without headline
   * and standfirst (on 19 of the 20 pages where we find a standfirst, its text is not in the
   * expected body), so {@code score} compares the body after the standfirst, as the headline is
   * compared apart; {@code withStandfirst} scores all paragraphs, as the pipeline stores them.
   */
  public record ZyteResult(
      ZyteScorer.Score score, Map<String, String> outputs, ZyteScorer.Score withStandfirst) {}

  /**
   * Trafilatura segment counts for title + paragraphs (the headline number) and for paragraphs
   * only, the metadata scores, per-page "fn fp name" lines and our output per page.
   */
  public record TrafilaturaResult(
      SegmentScorer.Counts withTitle,
      SegmentScorer.Counts paragraphsOnly,
      MetadataScorer metadata,
      List<String> perPage,
      Map<String, String> outputs) {}

  /** Mean warm single-threaded milliseconds per page over {@code pages} pages. */
  public record Timing(int pages, double oursMsPerPage, double tikaMsPerPage) {
    public double ratio() {
      return tikaMsPerPage == 0 ? 0 : oursMsPerPage / tikaMsPerPage;
    }
  }

  /** Everything {@link #run} measures. */
  public record Report(ZyteResult zyte, TrafilaturaResult trafilatura, Timing timing) {
    /** The human-readable summary the eval command prints. */
    public String format() {
      StringBuilder b = new StringBuilder();
      ZyteScorer.Score z = zyte.score();
      b.append(
          String.format(
              Locale.ROOT,
              "Zyte article-extraction-benchmark (%d pages): P %.3f  R %.3f  F1 %.3f  accuracy %.3f%n",
              z.perPage().size(),
              z.precision(),
              z.recall(),
              z.f1(),
              z.accuracy()));
      ZyteScorer.Score zs = zyte.withStandfirst();
      b.append(
          String.format(
              Locale.ROOT,
              "  (body after the standfirst, as Zyte's ground truth; all paragraphs incl. the"
                  + " standfirst: P %.3f  R %.3f  F1 %.3f)%n",
              zs.precision(),
              zs.recall(),
              zs.f1()));
      SegmentScorer.Counts t = trafilatura.withTitle();
      SegmentScorer.Counts p = trafilatura.paragraphsOnly();
      b.append(
          String.format(
              Locale.ROOT,
              "trafilatura-eval (%d pages), title + paragraphs: P %.3f  R %.3f  F %.3f  accuracy %.3f"
                  + " (tp %d fn %d fp %d tn %d)%n",
              trafilatura.perPage().size(),
              t.precision(),
              t.recall(),
              t.f(),
              t.accuracy(),
              t.tp(),
              t.fn(),
              t.fp(),
              t.tn()));
      b.append(
          String.format(
              Locale.ROOT,
              "trafilatura-eval, paragraphs only:           P %.3f  R %.3f  F %.3f  accuracy %.3f%n",
              p.precision(),
              p.recall(),
              p.f(),
              p.accuracy()));
      MetadataScorer m = trafilatura.metadata();
      b.append(
          String.format(
              Locale.ROOT,
              "published date (page-local calendar date): accuracy %.3f (%d of %d pages with an"
                  + " expected date), coverage %.3f; a date given on %d of %d pages that expect"
                  + " none%n",
              m.dateAccuracy(),
              m.datesRight(),
              m.datesExpected(),
              m.dateCoverage(),
              m.givenWhenNoneExpected(),
              m.noneExpected()));
      StringBuilder sources = new StringBuilder();
      for (Map.Entry<String, int[]> e : m.bySource().entrySet()) {
        sources.append(
            String.format(Locale.ROOT, " %s %d/%d", e.getKey(), e.getValue()[1], e.getValue()[0]));
      }
      b.append("  by source (right/pages):").append(sources).append(System.lineSeparator());
      b.append(
          String.format(
              Locale.ROOT,
              "title (exact after whitespace normalisation): accuracy %.3f (%d pages)%n",
              m.titleAccuracy(),
              m.titlesExpected()));
      if (timing != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "time per page (%d pages, warm, 1 thread): ours %.2f ms, Tika AutoDetectParser +"
                    + " BodyContentHandler %.2f ms, ratio %.2f (limit 2.00)%n",
                timing.pages(),
                timing.oursMsPerPage(),
                timing.tikaMsPerPage(),
                timing.ratio()));
      }
      return b.toString();
    }
  }

  /** Loads both sets from {@code evalDir}, scores them and, when {@code timed}, times them. */
  public Report run(Path evalDir, boolean timed) throws IOException {
    List<EvalPages.ZytePage> zytePages = EvalPages.zyte(evalDir);
    List<EvalPages.TrafilaturaPage> trafPages = EvalPages.trafilatura(evalDir);
    ZyteResult z = zyte(zytePages);
    TrafilaturaResult t = trafilatura(trafPages);
    Timing timing = null;
    if (timed) {
      List<byte[]> bytes = new ArrayList<>();
      List<String> urls = new ArrayList<>();
      for (EvalPages.ZytePage p : zytePages) {
        bytes.add(p.bytes());
        urls.add(p.url());
      }
      for (EvalPages.TrafilaturaPage p : trafPages) {
        bytes.add(p.bytes());
        urls.add(p.url());
      }
      timing = timing(bytes, urls);
    }
    return new Report(z, t, timing);
  }

  public ZyteResult zyte(List<EvalPages.ZytePage> pages) {
    Map<String, String> expected = new LinkedHashMap<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, String> withStandfirst = new LinkedHashMap<>();
    for (EvalPages.ZytePage p : pages) {
      expected.put(p.id(), p.expectedBody());
      MainContentExtractor.Extracted x = extractor.extract(p.html(), p.url());
      outputs.put(p.id(), String.join("\n", x.bodyWithoutStandfirst()));
      withStandfirst.put(p.id(), String.join("\n", x.paragraphs()));
    }
    return new ZyteResult(
        ZyteScorer.score(expected, outputs::get),
        outputs,
        ZyteScorer.score(expected, withStandfirst::get));
  }

  public TrafilaturaResult trafilatura(List<EvalPages.TrafilaturaPage> pages) {
    SegmentScorer.Counts withTitle = new SegmentScorer.Counts();
    SegmentScorer.Counts bodyOnly = new SegmentScorer.Counts();
    MetadataScorer metadata = new MetadataScorer();
    List<String> perPage = new ArrayList<>();
    Map<String, String> outputs = new LinkedHashMap<>();
    for (EvalPages.TrafilaturaPage p : pages) {
      MainContentExtractor.Extracted x = extractor.extract(p.html(), p.url());
      String body = String.join("\n", x.paragraphs());
      String full = x.title() == null || x.title().isEmpty() ? body : x.title() + "\n" + body;
      long fn = withTitle.fn();
      long fp = withTitle.fp();
      withTitle.add(full, p.with(), p.without());
      bodyOnly.add(body, p.with(), p.without());
      metadata.add(
          p.name(),
          p.expectedDate(),
          x.publishedLocalDate(),
          x.publishedSource(),
          p.expectedTitle(),
          x.title());
      perPage.add(
          String.format(
              Locale.ROOT, "%d %d %s", withTitle.fn() - fn, withTitle.fp() - fp, p.name()));
      outputs.put(p.name(), full);
    }
    return new TrafilaturaResult(withTitle, bodyOnly, metadata, perPage, outputs);
  }

  /** Pages each extractor runs before timing starts, so both are measured JIT-compiled. */
  static final int WARM_UP_PAGES = 400;

  /**
   * Times, single-threaded, our extraction (charset decoding included) and Tika's plain body-text
   * extraction ({@link AutoDetectParser} with a {@link BodyContentHandler}, content type text/html)
   * of the same page bytes, alternating page by page so both see the same machine state.
   */
  public Timing timing(List<byte[]> pages, List<String> urls) {
    AutoDetectParser tika = new AutoDetectParser();
    long sink = 0;
    for (int i = 0; i < Math.min(WARM_UP_PAGES, pages.size()); i++) {
      sink += ours(pages.get(i), urls.get(i));
      sink += tika(tika, pages.get(i));
    }
    long ours = 0;
    long theirs = 0;
    for (int i = 0; i < pages.size(); i++) {
      long t0 = System.nanoTime();
      sink += ours(pages.get(i), urls.get(i));
      long t1 = System.nanoTime();
      sink += tika(tika, pages.get(i));
      long t2 = System.nanoTime();
      ours += t1 - t0;
      theirs += t2 - t1;
    }
    blackhole = sink;
    return new Timing(pages.size(), ours / 1e6 / pages.size(), theirs / 1e6 / pages.size());
  }

  private int ours(byte[] bytes, String url) {
    return extractor.extract(EvalPages.decode(bytes), url).paragraphs().size();
  }

  private static int tika(AutoDetectParser parser, byte[] bytes) {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, "text/html");
    BodyContentHandler handler = new BodyContentHandler(-1);
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      parser.parse(in, handler, metadata, new ParseContext());
    } catch (IOException | SAXException | TikaException | RuntimeException e) {
      return 0;
    }
    return handler.toString().length();
  }
}

package org.framelens.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.parse.MainContentExtractor;
import org.framelens.common.pipeline.ProcessingResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The tagger as the job runs it (bundled lexicon, foreign-script runs given to Lingua) over the
 * real pages of {@code ../shared/eval} (Zyte and trafilatura sets, 1,171 pages), each extracted and
 * language-detected once in the setup. One operation tags every page; divide by the page count
 * printed by the setup for the cost per page. Pages are read from {@code -Dframelens.eval=DIR}
 * (default {@code ../shared/eval}); {@code -Dframelens.pages=N} limits their number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TaggerRealPagesBenchmark {
  record Article(String title, List<String> paragraphs, String lang) {}

  private FrameTagger tagger;
  private final List<Article> articles = new ArrayList<>();

  @Setup
  public void setUp() throws IOException {
    Lexicon lexicon = Lexicon.parse(Lexicon.defaultText(), "default");
    LanguageDetection languages =
        new LanguageDetection(ProcessingResources.defaultDetectLanguages(lexicon));
    tagger = new FrameTagger(new CompiledLexicon(lexicon), languages);
    articles.addAll(load(languages));
    System.out.println("pages: " + articles.size());
  }

  static List<Article> load(LanguageDetection languages) throws IOException {
    Path eval = Path.of(System.getProperty("framelens.eval", "../shared/eval"));
    int limit = Integer.getInteger("framelens.pages", Integer.MAX_VALUE);
    List<Path> pages;
    try (Stream<Path> files = Files.walk(eval)) {
      pages =
          files
              .filter(p -> p.toString().endsWith(".html.gz"))
              .filter(
                  p ->
                      p.startsWith(eval.resolve("article-extraction-benchmark"))
                          || p.startsWith(eval.resolve("trafilatura-eval")))
              .sorted()
              .limit(limit)
              .toList();
    }
    if (pages.isEmpty()) {
      throw new IllegalStateException("no pages under " + eval.toAbsolutePath());
    }
    MainContentExtractor extractor = new MainContentExtractor();
    List<Article> out = new ArrayList<>();
    for (Path f : pages) {
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      var x = extractor.extract(html, null);
      String text = String.join("\n", x.paragraphs());
      String lang = languages.detect(x.title() == null ? text : x.title() + "\n" + text).lang();
      out.add(new Article(x.title(), x.paragraphs(), lang));
    }
    return out;
  }

  /** Tags every page once. */
  @Benchmark
  public void tagRealPages(Blackhole bh) {
    for (Article a : articles) {
      bh.consume(tagger.tag(a.title(), a.paragraphs(), a.lang()));
    }
  }
}

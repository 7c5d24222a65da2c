package org.framelens.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.parse.MainContentExtractor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Tagging cost per article against lexicon size: the bundled lexicon's real terms padded with
 * generated multi-word and wildcard terms in the same eight languages, over the sample crawl's
 * articles (29 pages in 8 languages, tagged in their own language). Every size contains the same
 * first 100 real terms (all 8 languages); the generated ones are random letter strings that should
 * not occur in the text, which the setup checks by printing the hit count per size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TaggerScalingBenchmark {
  @Param({"100", "1000", "10000"})
  public int terms;

  record Article(String title, List<String> paragraphs, String lang) {}

  private FrameTagger tagger;
  private final List<Article> articles = new ArrayList<>();

  @Setup
  public void setUp() throws IOException {
    Lexicon real = Lexicon.parse(Lexicon.defaultText(), "default");
    StringBuilder tsv = new StringBuilder("frame\tlang\tterm\n");
    List<String> langs = List.of("en", "ru", "uk", "ar", "he", "de", "fr", "es");
    int n = 0;
    for (var e : real.entries()) {
      if (n == Math.min(terms, 100)) {
        break;
      }
      tsv.append(e.frame())
          .append('\t')
          .append(e.lang())
          .append('\t')
          .append(e.term())
          .append('\n');
      n++;
    }
    Random random = new Random(42);
    String[] alphabet = {
      "abcdefghijklmnopqrstuvwxyz",
      "абвгдежзиклмнопрстуфхцчшщыэюя",
      "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
      "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
      "אבגדהוזחטיכלמנסעפצקרשת",
      "abcdefghijklmnopqrstuvwxyzäöüß",
      "abcdefghijklmnopqrstuvwxyzéèàç",
      "abcdefghijklmnopqrstuvwxyzñáéíóú"
    };
    while (n < terms) {
      int l = n % langs.size();
      int words = 1 + random.nextInt(3);
      StringBuilder term = new StringBuilder();
      for (int w = 0; w < words; w++) {
        if (w > 0) {
          term.append(' ');
        }
        int len = 5 + random.nextInt(6);
        for (int c = 0; c < len; c++) {
          term.append(alphabet[l].charAt(random.nextInt(alphabet[l].length())));
        }
      }
      if (random.nextInt(10) == 0) {
        term.append('*');
      }
      tsv.append("generated")
          .append(n % 10)
          .append('\t')
          .append(langs.get(l))
          .append('\t')
          .append(term)
          .append('\n');
      n++;
    }
    tagger = new FrameTagger(new CompiledLexicon(Lexicon.parse(tsv.toString(), "generated")));

    Path samples = Path.of(System.getProperty("framelens.samples", "data-samples/source/crawl"));
    MainContentExtractor extractor = new MainContentExtractor();
    try (Stream<Path> files = Files.walk(samples)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String html = Files.readString(f, StandardCharsets.UTF_8);
        var x = extractor.extract(html, null);
        String lang = html.replaceAll("(?s).*?<html[^>]*lang=\"([a-z]{2}).*", "$1");
        articles.add(new Article(x.title(), x.paragraphs(), lang.length() == 2 ? lang : "en"));
      }
    }
    if (articles.isEmpty()) {
      throw new IllegalStateException("no sample pages under " + samples.toAbsolutePath());
    }
    // The padding must not make the text match more: compare this line across the sizes.
    int hits = 0;
    int generatedHits = 0;
    for (Article a : articles) {
      for (var h : tagger.tag(a.title(), a.paragraphs(), a.lang()).allHits()) {
        hits++;
        generatedHits += h.frame().startsWith("generated") ? 1 : 0;
      }
    }
    System.out.printf(
        "%nterms %d: %d articles, %d hits, %d of them generated terms%n",
        terms, articles.size(), hits, generatedHits);
  }

  /** Tags every sample article once; divide by the article count for the cost per article. */
  @Benchmark
  public void tagSampleArticles(Blackhole bh) {
    for (Article a : articles) {
      bh.consume(tagger.tag(a.title(), a.paragraphs(), a.lang()));
    }
  }
}

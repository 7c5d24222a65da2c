package org.framelens.jobs.cli.dev;

import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import de.l3s.boilerpipe.extractors.ArticleExtractor;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.SparkSession;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.JSoupParser;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.boilerpipe.BoilerpipeContentHandler;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.parse.Charsets;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.cli.HeapWatch;
import org.framelens.jobs.ingest.ProcessingSettings;
import org.framelens.jobs.retag.RetagJob;
import org.framelens.jobs.run.FramingRunJob;
import org.framelens.jobs.run.RunConfig;
import org.framelens.jobs.run.RunSummary;
import org.framelens.jobs.spark.CodeVersion;
import org.framelens.jobs.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "End-to-end benchmark over the real news pages of ../shared/eval (Zyte + trafilatura sets,"
          + " 1,171 pages): packs them into WARC files, runs the full job on them and reports pages/s"
          + " and the time per stage; then runs the naive floor (Tika JSoupParser + Boilerpipe +"
          + " Lingua on up to 5,000 characters, one thread per core) over the same pages.",
      "All in one warm session; the subcommands measure cold commands as a user meets them."
    },
    subcommands = {
      BenchColdCommands.Corpus.class,
      BenchColdCommands.Floor.class,
      BenchColdCommands.Cold.class
    })
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
  @Option(
      names = "--eval",
      paramLabel = "DIR",
      description = "Evaluation data folder (default: ${DEFAULT-VALUE}).")
  String eval = CodeVersion.underHome("../shared/eval");

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch folder (default: ${DEFAULT-VALUE}).")
  String work = "target/bench";

  @Option(names = "--copies", description = "Passes over the pages (default: ${DEFAULT-VALUE}).")
  int copies = 1;

  @Option(
      names = "--files",
      description = "WARC files to spread the pages over (default: ${DEFAULT-VALUE}).")
  int files = 8;

  @Option(names = "--master", description = "Spark master (default: ${DEFAULT-VALUE}).")
  String master = "local[*]";

  @Option(
      names = "--warmup-files",
      description =
          "WARC files run through the whole job first, in the same session, so the measured run"
              + " is steady state (JIT, Lingua models, Tika loaded), as the floor is; 0 measures a"
              + " cold start (default: ${DEFAULT-VALUE}).")
  int warmupFiles = 1;

  @Option(names = "--no-floor", description = "Skip the naive Tika + Lingua floor.")
  boolean noFloor;

  @Override
  public Integer call() throws Exception {
    Path evalDir = Path.of(eval);
    if (!Files.isDirectory(evalDir.resolve("article-extraction-benchmark"))) {
      throw new IllegalArgumentException("no evaluation data at " + evalDir.toAbsolutePath());
    }
    List<BenchCorpus.Page> pages = BenchCorpus.pages(evalDir);
    Path warcs = Path.of(work, "warc");
    if (Files.exists(warcs)) {
      try (var s = Files.list(warcs)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
    }
    int docs = BenchCorpus.write(pages, copies, files, warcs);
    long bytes = 0;
    try (var s = Files.list(warcs)) {
      for (Path p : s.toList()) {
        bytes += Files.size(p);
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf(
        Locale.ROOT,
        "corpus: %d pages in %d WARC files (%.1f MB gzip), %d cores%n",
        docs,
        files,
        bytes / 1e6,
        cores);

    HeapWatch heap = new HeapWatch();
    SparkSession spark = SparkSessions.create("framelens bench", master);
    RunSummary summary;
    RetagJob.Summary retag;
    String out = Path.of(work, "out").toAbsolutePath().toString();
    try {
      if (warmupFiles > 0) {
        List<String> warmup;
        try (var s = Files.list(warcs)) {
          warmup = s.sorted().limit(warmupFiles).map(p -> p.toAbsolutePath().toString()).toList();
        }
        RunSummary w =
            FramingRunJob.run(
                spark,
                RunConfig.withDefaults(
                    warmup, Path.of(work, "warmup-out").toAbsolutePath().toString()));
        System.out.printf(
            Locale.ROOT,
            "warm-up run (%d WARC file(s), %,d articles, not measured): %.1f s%n",
            warmup.size(),
            w.articlesWritten(),
            w.seconds());
      }
      summary =
          FramingRunJob.run(
              spark, RunConfig.withDefaults(List.of(warcs.toAbsolutePath().toString()), out));
      // the same crawl retagged from stored text, in the same (warm) session
      retag = RetagJob.run(spark, new RetagJob.Config(out, ProcessingSettings.defaults(), false));
    } finally {
      spark.stop();
      heap.close();
    }
    System.out.print(summary.render());
    double process = summary.stageSeconds().get("process (wall)");
    System.out.printf(
        Locale.ROOT,
        "%nend to end: %.1f pages/s (whole run %.1f s incl. writing and comparison tables; %s)%n",
        docs / summary.seconds(),
        summary.seconds(),
        warmupFiles > 0 ? "session warmed up" : "cold start included");
    System.out.printf(
        Locale.ROOT,
        "processing stage (read+parse+detect+tag, all cores): %.1f pages/s = %.1f pages/s per core%n",
        docs / process,
        docs / process / cores);
    for (String stage :
        List.of(
            "  read (task time)",
            "  parse (task time)",
            "  detect (task time)",
            "  tag (task time)")) {
      System.out.printf(
          Locale.ROOT,
          "  %-8s %6.2f ms/page%n",
          stage.strip().split(" ")[0],
          summary.stageSeconds().get(stage) * 1000 / docs);
    }
    System.out.print(retag.render());
    System.out.print(heap.render());
    System.out.printf(
        Locale.ROOT,
        "retag vs run: %.1f s vs %.1f s = %.1fx faster%n",
        retag.seconds(),
        summary.seconds(),
        summary.seconds() / retag.seconds());
    if (!noFloor) {
      FloorResult f = floor(pages, copies, cores, true);
      System.out.printf(
          Locale.ROOT,
          "naive floor (Tika JSoupParser + Boilerpipe + Lingua, %d threads): %.1f pages/s (%.1f"
              + " ms/page per thread)%n",
          cores,
          f.pages() / f.processSeconds(),
          f.processSeconds() * 1000 * cores / f.pages());
    }
    return ExitCodes.OK;
  }

  /** Pages processed by the floor, and the seconds to load (pages, models) and to process. */
  record FloorResult(int pages, double loadSeconds, double processSeconds) {}

  /**
   * The naive floor: Tika HTML + Boilerpipe + Lingua (16 languages, preloaded) on up to 5,000
   * chars; {@code warmUp} first runs 50 pages untimed (the in-session bench: steady state).
   */
  static FloorResult floor(List<BenchCorpus.Page> pages, int copies, int threads, boolean warmUp)
      throws Exception {
    long t0 = System.nanoTime();
    List<byte[]> htmls = new ArrayList<>();
    for (BenchCorpus.Page p : pages) {
      try (InputStream in = new GZIPInputStream(Files.newInputStream(p.file()))) {
        htmls.add(in.readAllBytes());
      }
    }
    LanguageDetector lingua =
        LanguageDetectorBuilder.fromLanguages(
                LanguageDetection.COMMON_NEWS_LANGUAGES.stream()
                    .map(LanguageDetection::byIsoCode)
                    .toArray(com.github.pemistahl.lingua.api.Language[]::new))
            .withPreloadedLanguageModels()
            .build();
    if (warmUp) {
      runFloor(htmls.subList(0, Math.min(50, htmls.size())), 1, threads, lingua);
    }
    long t1 = System.nanoTime();
    int n = runFloor(htmls, copies, threads, lingua);
    return new FloorResult(n, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
  }

  private static int runFloor(List<byte[]> htmls, int copies, int threads, LanguageDetector lingua)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    int total = htmls.size() * copies;
    List<Future<?>> fs = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      fs.add(
          pool.submit(
              () -> {
                JSoupParser parser = new JSoupParser();
                Charsets charsets = new Charsets();
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                  byte[] b = htmls.get(i % htmls.size());
                  String html = Charsets.decode(b, charsets.choose(b, null));
                  StringWriter w = new StringWriter();
                  try {
                    parser.parseString(
                        html,
                        new BoilerpipeContentHandler(
                            new ToTextContentHandler(w), ArticleExtractor.INSTANCE),
                        new Metadata(),
                        new ParseContext());
                  } catch (Exception e) {
                    continue;
                  }
                  String text = w.toString();
                  lingua.detectLanguageOf(text.length() > 5000 ? text.substring(0, 5000) : text);
                }
                return null;
              }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    pool.shutdown();
    return total;
  }
}

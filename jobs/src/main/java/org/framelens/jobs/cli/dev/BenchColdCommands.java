package org.framelens.jobs.cli.dev;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.framelens.jobs.cli.ExitCodes;
import org.framelens.jobs.spark.CodeVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmarks of whole commands as a user meets them (a fresh JVM per command): the corpora they
 * run on, the naive floor as a program of its own, and {@code bench cold}, which runs both back to
 * back and prints the figures of docs/BENCHMARKS.md.
 */
public final class BenchColdCommands {
  private BenchColdCommands() {}

  @Command(
      name = "corpus",
      mixinStandardHelpOptions = true,
      description =
          "Packs the real pages of ../shared/eval into WARC files as a crawler writes them (one"
              + " gzip member per record), for cold runs: bin/framelens run --input DIR.")
  static final class Corpus implements Callable<Integer> {
    @Option(names = "--eval", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
    String eval = CodeVersion.underHome("../shared/eval");

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to fill.")
    Path out;

    @Option(names = "--pages", description = "First N pages only (default: all).")
    int pages = Integer.MAX_VALUE;

    @Option(names = "--copies", description = "Passes over the pages (default: ${DEFAULT-VALUE}).")
    int copies = 1;

    @Option(names = "--files", description = "WARC files (default: ${DEFAULT-VALUE}).")
    int files = 1;

    @Override
    public Integer call() throws IOException {
      int n = write(Path.of(eval), out, pages, copies, files);
      System.out.printf(Locale.ROOT, "%,d pages in %d WARC file(s) under %s%n", n, files, out);
      return ExitCodes.OK;
    }
  }

  static int write(Path eval, Path out, int pages, int copies, int files) throws IOException {
    if (!Files.isDirectory(eval.resolve("article-extraction-benchmark"))) {
      throw new IllegalArgumentException("no evaluation data at " + eval.toAbsolutePath());
    }
    List<BenchCorpus.Page> all = BenchCorpus.pages(eval);
    if (Files.exists(out)) {
      try (var s = Files.list(out)) {
        for (Path p : s.toList()) {
          Files.delete(p);
        }
      }
    }
    return BenchCorpus.write(all.subList(0, Math.min(pages, all.size())), copies, files, out);
  }

  @Command(
      name = "floor",
      mixinStandardHelpOptions = true,
      description = {
        "The naive floor as a program of its own: Tika JSoupParser + Boilerpipe + Lingua (16"
            + " languages, models preloaded) over the real pages of ../shared/eval, one thread per"
            + " core, in this JVM. Prints the time from JVM start (what a cold command costs) and"
            + " the processing alone."
      })
  static final class Floor implements Callable<Integer> {
    @Option(names = "--eval", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
    String eval = CodeVersion.underHome("../shared/eval");

    @Option(names = "--copies", description = "Passes over the pages (default: ${DEFAULT-VALUE}).")
    int copies = 1;

    @Option(names = "--threads", description = "Default: one per core.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
      BenchCommand.FloorResult r =
          BenchCommand.floor(BenchCorpus.pages(Path.of(eval)), copies, threads, false);
      double sinceJvmStart =
          (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
      System.out.printf(
          Locale.ROOT,
          "floor: %,d pages, %d threads: load pages + Lingua models %.1f s, process %.1f s"
              + " (%.1f pages/s); since JVM start %.1f s%n",
          r.pages(),
          threads,
          r.loadSeconds(),
          r.processSeconds(),
          r.pages() / r.processSeconds(),
          sinceJvmStart);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "cold",
      mixinStandardHelpOptions = true,
      description = {
        "Cold commands back to back, each in a fresh JVM through bin/framelens: the naive floor"
            + " (bench floor) and bin/framelens run over a small crawl (one WARC file, 6 pages)"
            + " and over the 1,171 pages packed as one file, repeated; then, with --copies, the"
            + " cost curve (wall time and peak heap per crawl size, one file and many files)."
            + " Prints the figures of docs/BENCHMARKS.md."
      })
  static final class Cold implements Callable<Integer> {
    @Option(names = "--work", paramLabel = "DIR", description = "Default: ${DEFAULT-VALUE}.")
    Path work = Path.of("/tmp/framelens-bench-cold");

    @Option(names = "--repeat", description = "Rounds of floor + runs (default: ${DEFAULT-VALUE}).")
    int repeat = 2;

    @Option(
        names = "--copies",
        split = ",",
        description = "Cost curve: crawl sizes as passes over the 1,171 pages (e.g. 1,4,16).")
    List<Integer> copies = new ArrayList<>();

    @Option(
        names = "--many-files",
        description = "Files of the cost curve's many-files layout (default: ${DEFAULT-VALUE}).")
    int manyFiles = 16;

    @Override
    public Integer call() throws Exception {
      String home = CodeVersion.underHome(".");
      Path eval = Path.of(CodeVersion.underHome("../shared/eval"));
      Path small = work.resolve("small");
      Path one = work.resolve("one");
      write(eval, small, 6, 1, 1);
      write(eval, one, Integer.MAX_VALUE, 1, 1);
      System.out.printf(Locale.ROOT, "machine: %s%n", load());
      for (int round = 1; round <= repeat; round++) {
        Measured floor = measure(home, work, List.of("bench", "floor"));
        Measured s = measure(home, work, run(small, work.resolve("out-small")));
        Measured o = measure(home, work, run(one, work.resolve("out-one")));
        System.out.printf(
            Locale.ROOT,
            "round %d (%s)%n  floor (1,171 pages)        %6.1f s wall%n"
                + "  run, small crawl (6 pages)  %6.1f s wall  %s%n"
                + "  run, 1,171 pages, one file  %6.1f s wall  %s%n"
                + "  marginal (one file - small) %6.1f s = %.2fx the floor%n",
            round,
            load(),
            floor.seconds(),
            s.seconds(),
            s.stages(),
            o.seconds(),
            o.stages(),
            o.seconds() - s.seconds(),
            (o.seconds() - s.seconds()) / floor.seconds());
      }
      for (int c : copies) {
        for (int files : List.of(1, manyFiles)) {
          Path dir = work.resolve("curve-" + c + "-" + files);
          int pages = write(eval, dir, Integer.MAX_VALUE, c, files);
          Measured m = measure(home, work, run(dir, work.resolve("out-curve")));
          System.out.printf(
              Locale.ROOT,
              "curve: %,7d pages, %2d file(s): %6.1f s wall, %.2f ms/page, %s, %s%n",
              pages,
              files,
              m.seconds(),
              m.seconds() * 1000 / pages,
              m.heap(),
              m.stages());
          try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
              Files.delete(p);
            }
          }
        }
      }
      return ExitCodes.OK;
    }

    private static List<String> run(Path input, Path output) {
      return List.of("run", "--input", input.toString(), "--output", output.toString());
    }
  }

  record Measured(double seconds, String stages, String heap) {}

  private static final Pattern STAGE =
      Pattern.compile("^ {4}(\\S.*?)\\s+([0-9.]+)$", Pattern.MULTILINE);

  /** Runs bin/framelens with these arguments in a fresh JVM and times it. */
  static Measured measure(String home, Path work, List<String> args)
      throws IOException, InterruptedException {
    Files.createDirectories(work);
    Path log = work.resolve("last-" + args.get(0) + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(home, "bin", "framelens").toString());
    cmd.addAll(args);
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    int code = p.waitFor();
    double seconds = (System.nanoTime() - t0) / 1e9;
    String text = Files.readString(log, StandardCharsets.UTF_8);
    if (code != 0) {
      throw new IllegalStateException("bin/framelens " + args + " failed (" + code + "): " + log);
    }
    Map<String, String> stages = new LinkedHashMap<>();
    Matcher m = STAGE.matcher(text);
    while (m.find()) {
      String name = m.group(1).replaceAll(" \\(.*", "");
      if (!m.group(1).contains("task time")) {
        stages.put(name, m.group(2));
      }
    }
    Matcher heap = Pattern.compile("peak in use ([0-9,]+ MB)").matcher(text);
    // bin/framelens chooses the JIT by the input's size: say which one this run had
    String jvm = text.contains("JVM: quick start") ? "JVM quick start" : "JVM default JIT";
    return new Measured(
        seconds, jvm + " " + stages, heap.find() ? "peak heap " + heap.group(1) : "");
  }

  static String load() {
    try {
      return "load average "
          + Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0]
          + ", "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      return Runtime.getRuntime().availableProcessors() + " cores";
    }
  }
}

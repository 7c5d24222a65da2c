package org.framelens.jobs;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.pipeline.ProcessingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Read WARC files and document folders, extract, detect language, tag frames, and write the"
          + " articles, frame_hits, outlet_frames and quarantine tables (Parquet) under --output.",
      "Exit codes: 0 completed (quarantined records included), 1 run failed, 2 bad usage or"
          + " configuration."
    })
final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "WARC file (.warc, .warc.gz), document, or folder (read recursively); Hadoop paths (hdfs://, s3a://) work.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder; its tables are replaced.")
  String output;

  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description = "Lexicon TSV (default: the bundled lexicon, see docs/codebook.md).")
  String lexicon;

  @Mixin CommonJobOptions common;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODES",
      description =
          "ISO 639-1 languages to detect between (default: the lexicon's plus common news languages).")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--max-text-chars",
      paramLabel = "N",
      description = "Extracted text is cut at this length (default: ${DEFAULT-VALUE}).")
  int maxTextChars = ProcessingConfig.DEFAULT_MAX_TEXT_CHARS;

  @Option(
      names = "--include-copies",
      description =
          "Count near-duplicate copies (syndicated wire stories) in the comparison tables too (default: each original once).")
  boolean includeCopies;

  RunConfig config() {
    return new RunConfig(
        inputs,
        output,
        lexicon,
        common.outlets,
        languages,
        common.maxDocumentBytes,
        maxTextChars,
        includeCopies);
  }

  @Override
  public Integer call() throws Exception {
    RunConfig config = config();
    // lexicon, tagger and Lingua's models are built while Spark starts (the run then finds them)
    FramingRunJob.prepareInBackground(config);
    SparkSession spark = SparkSessions.create("framelens run", common.master);
    double startup =
        (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
    RunSummary summary;
    HeapWatch heap = new HeapWatch();
    try {
      summary = FramingRunJob.run(spark, config);
    } finally {
      heap.close();
      long stopStart = System.nanoTime();
      spark.stop();
      System.err.printf(
          Locale.ROOT,
          "framelens: JVM start to Spark session %.1f s, Spark stop %.1f s%n",
          startup,
          (System.nanoTime() - stopStart) / 1e9);
    }
    System.out.print(summary.render());
    System.out.printf(
        Locale.ROOT,
        "  before the run: JVM start, Spark session %.1f s (the command's wall time is these"
            + " plus the run's seconds plus Spark's stop)%n",
        startup);
    System.out.print("  " + heap.render());
    return FramelensCli.OK;
  }
}

package org.framelens.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framelens.common.pipeline.ProcessingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Process one crawl date for a scheduler: replace exactly that date's partitions of articles,"
          + " frame_hits and quarantine, recompute the comparison tables and append a row to runs."
          + " A date whose inputs, lexicon, code and settings are unchanged since its last"
          + " successful run is skipped (unless --force); after a lexicon change stored text is"
          + " retagged instead of parsed again. Every change is published atomically per folder;"
          + " an interrupted commit is finished by the next run.",
      "Exit codes: 0 succeeded or skipped (quarantined records included), 1 run failed (the"
          + " previous tables are untouched), 2 bad usage or configuration, 3 no input for the"
          + " date yet (retry later), 4 another nightly run is writing to the output (its lease"
          + " is in _framelens/lock)."
    })
final class NightlyCommand implements Callable<Integer> {
  static final int NO_INPUT = 3;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The crawl date to process.")
  LocalDate date;

  @Option(
      names = "--input-root",
      paramLabel = "DIR",
      description = "Folder holding one folder per date (DIR/YYYY-MM-DD/**).")
  String inputRoot;

  @Option(
      names = "--input-template",
      paramLabel = "TEMPLATE",
      description =
          "Where a date's input is, if not {root}/{date}: {root}, {date}, {yyyy}, {MM}, {dd} are"
              + " replaced, e.g. s3a://crawl/{yyyy}/{MM}/{dd}.")
  String inputTemplate;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Output folder (the same every night).")
  String output;

  @Option(names = "--lexicon", paramLabel = "FILE", description = "Lexicon TSV (default: bundled).")
  String lexicon;

  @Mixin CommonJobOptions common;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODES",
      description = "ISO 639-1 languages to detect between (default: the lexicon's plus common).")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--max-text-chars",
      paramLabel = "N",
      description =
          "Extracted text is cut at this length; the article is kept, flagged (default: ${DEFAULT-VALUE}).")
  int maxTextChars = ProcessingConfig.DEFAULT_MAX_TEXT_CHARS;

  @Option(
      names = "--parse-timeout-ms",
      paramLabel = "MS",
      description =
          "A parse running longer is stopped, the document quarantined (default: ${DEFAULT-VALUE}).")
  long parseTimeoutMillis = ProcessingConfig.DEFAULT_PARSE_TIMEOUT_MILLIS;

  @Option(
      names = "--include-copies",
      description = "Count near-duplicate copies in the comparison tables too.")
  boolean includeCopies;

  @Option(names = "--force", description = "Process the date even if nothing changed.")
  boolean force;

  NightlyJob.Config config() {
    if (inputRoot == null && inputTemplate == null) {
      throw new IllegalArgumentException("give --input-root or --input-template");
    }
    return new NightlyJob.Config(
        date,
        inputRoot,
        inputTemplate == null ? NightlyJob.DEFAULT_TEMPLATE : inputTemplate,
        output,
        lexicon,
        common.outlets,
        languages,
        common.maxDocumentBytes,
        maxTextChars,
        parseTimeoutMillis,
        includeCopies,
        force);
  }

  @Override
  public Integer call() throws Exception {
    NightlyJob.Config config = config();
    SparkSession spark = SparkSessions.create("framelens nightly " + date, common.master);
    try {
      NightlyJob.Result r = NightlyJob.run(spark, config);
      System.out.print(r.render());
      return FramelensCli.OK;
    } catch (NightlyJob.NoInputException e) {
      System.err.println("framelens: " + e.getMessage());
      return NO_INPUT;
    } finally {
      spark.stop();
    }
  }
}

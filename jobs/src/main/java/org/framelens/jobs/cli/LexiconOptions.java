package org.framelens.jobs.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The lexicon and the languages to detect between: every command that tags declares these. */
public final class LexiconOptions {
  @Option(
      names = "--lexicon",
      paramLabel = "FILE",
      description = "Lexicon TSV (default: the bundled lexicon, see docs/codebook.md).")
  String lexicon;

  @Option(
      names = "--languages",
      split = ",",
      paramLabel = "CODES",
      description =
          "ISO 639-1 languages to detect between (default: the lexicon's plus common news"
              + " languages).")
  List<String> languages = new ArrayList<>();

  @Option(
      names = "--include-copies",
      description =
          "Count near-duplicate copies (syndicated wire stories) in the comparison tables too"
              + " (default: each original once).")
  boolean includeCopies;
}

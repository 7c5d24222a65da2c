package org.framelens.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.lexicon.LexiconWarnings;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.common.validate.LexiconTests;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lexicon}: tools for the lexicon file. */
@Command(
    name = "lexicon",
    mixinStandardHelpOptions = true,
    description =
        "Check a lexicon (check: validate it and list warnings; test: run its must-match /"
            + " must-not-match sentences).",
    subcommands = {LexiconCommand.Check.class, LexiconCommand.Test.class})
public final class LexiconCommand implements Callable<Integer> {
  /** Exit code of {@code lexicon test} when a test failed. */
  public static final int TESTS_FAILED = 1;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.out);
    return ExitCodes.USAGE;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a lexicon as a run does: every problem with its line number (exit 2), then"
            + " every warning (a term that will not match as written) with its line number.",
        "Exit codes: 0 valid (warnings included), 2 bad usage or invalid lexicon."
      })
  static final class Check implements Callable<Integer> {
    @Option(
        names = "--lexicon",
        paramLabel = "FILE",
        description = "The lexicon (default: the bundled one).")
    Path lexicon;

    @Override
    public Integer call() throws IOException {
      String text =
          lexicon == null
              ? Lexicon.defaultText()
              : Files.readString(lexicon, StandardCharsets.UTF_8);
      String name = lexicon == null ? "(bundled lexicon)" : lexicon.toString();
      Lexicon lex = Lexicon.parse(text, name);
      new CompiledLexicon(lex).compileAll();
      List<String> warnings = LexiconWarnings.of(lex);
      warnings.forEach(System.out::println);
      System.out.printf(
          "lexicon %s (%s): %d terms, %d frames, %d languages, %d warnings%n",
          name,
          lex.version(),
          lex.entries().size(),
          lex.frames().size(),
          lex.languages().size(),
          warnings.size());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Tag each test sentence (TSV: lang, sentence, expected frames ;-separated or -) with the"
            + " lexicon, as a run does, and show a diff for every sentence whose frames differ.",
        "Exit codes: 0 all passed, 1 a test failed, 2 bad usage, invalid lexicon or test file."
      })
  static final class Test implements Callable<Integer> {
    @Option(
        names = "--lexicon",
        paramLabel = "FILE",
        description = "The lexicon (default: the bundled one).")
    Path lexicon;

    @Option(
        names = "--tests",
        paramLabel = "FILE",
        description =
            "The tests (default: the bundled lexicon's tests, default-lexicon.tests.tsv).")
    Path tests;

    @Override
    public Integer call() throws IOException {
      if (tests == null && lexicon != null) {
        throw new IllegalArgumentException("--tests is needed with --lexicon");
      }
      String lexiconText =
          lexicon == null
              ? Lexicon.defaultText()
              : Files.readString(lexicon, StandardCharsets.UTF_8);
      String lexiconName = lexicon == null ? "(bundled lexicon)" : lexicon.toString();
      Lexicon lex = Lexicon.parse(lexiconText, lexiconName);
      String testsName = tests == null ? "default-lexicon.tests.tsv" : tests.toString();
      String testsText =
          tests == null ? bundledTests() : Files.readString(tests, StandardCharsets.UTF_8);
      List<LexiconTests.Case> cases = LexiconTests.parse(testsText, testsName, lex);
      // as in a run: runs of another script are matched with their own language's terms
      FrameTagger tagger =
          new FrameTagger(
              new CompiledLexicon(lex),
              new LanguageDetection(ProcessingResources.defaultDetectLanguages(lex)));
      List<LexiconTests.Outcome> outcomes = LexiconTests.run(tagger, cases);
      long failed = outcomes.stream().filter(o -> !o.passed()).count();
      System.out.print(LexiconTests.diff(outcomes, testsName));
      System.out.printf(
          "%d tests, %d passed, %d failed (lexicon %s, %s)%n",
          outcomes.size(), outcomes.size() - failed, failed, lexiconName, lex.version());
      return failed == 0 ? ExitCodes.OK : TESTS_FAILED;
    }

    private static String bundledTests() throws IOException {
      try (InputStream in =
          Lexicon.class.getResourceAsStream("/framelens/default-lexicon.tests.tsv")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}

package org.framelens.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.framelens.jobs.FramelensCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code framelens lexicon test} from the command line. */
class LexiconCommandTest {
  @TempDir Path tmp;

  record Result(int exit, String out) {}

  static Result run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int exit = FramelensCli.commandLine().execute(args);
      return new Result(exit, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(old);
    }
  }

  @Test
  void theBundledLexiconPassesItsBundledTests() {
    Result r = run("lexicon", "test");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).containsPattern("\\d+ tests, \\d+ passed, 0 failed");
  }

  @Test
  void aLexiconEditThatBreaksATestExitsNonZeroWithADiff() throws Exception {
    // a researcher drops "hostage" from the lexicon and adds a too-broad Arabic term
    String lexicon =
        Files.readString(
                    Path.of("..", "common/src/main/resources/framelens/default-lexicon.tsv"),
                    StandardCharsets.UTF_8)
                .replace("hostages\ten\thostage\t", "")
            + "humanitarian\tar\tيوم\ttoo broad\n";
    Path lex = tmp.resolve("lexicon.tsv");
    Files.writeString(lex, lexicon, StandardCharsets.UTF_8);
    Path tests = tmp.resolve("tests.tsv");
    Files.writeString(
        tests,
        "lang\tsentence\texpected\n"
            + "en\tThe hostage was freed on Sunday.\thostages\n"
            + "ar\tوصلت قافلة مساعدات إلى المعبر صباح اليوم.\thumanitarian\n"
            + "ar\tافتتح المعرض الدولي للكتاب أبوابه يوم الأحد.\t-\n",
        StandardCharsets.UTF_8);
    Result r = run("lexicon", "test", "--lexicon", lex.toString(), "--tests", tests.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out())
        .contains("FAIL " + tests + ":2 [en] The hostage was freed on Sunday.")
        .contains("- missing:    hostages")
        .contains("FAIL " + tests + ":4 [ar]")
        .contains("+ unexpected: humanitarian (\"يوم\" by term \"يوم\")")
        .contains("3 tests, 1 passed, 2 failed");
  }

  @Test
  void anInvalidTestFileIsABadUsage() throws Exception {
    Path tests = tmp.resolve("bad.tsv");
    Files.writeString(tests, "en\tno expected column\n", StandardCharsets.UTF_8);
    Path lex = tmp.resolve("l.tsv");
    Files.writeString(lex, "frame\tlang\tterm\nhostages\ten\thostage\n", StandardCharsets.UTF_8);
    assertThat(
            run("lexicon", "test", "--lexicon", lex.toString(), "--tests", tests.toString()).exit())
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void checkRefusesATermOfFourThousandWordsWithExitTwoAndItsLineNumber() throws Exception {
    Path lex = tmp.resolve("long.tsv");
    Files.writeString(
        lex,
        "frame\tlang\tterm\nhostages\ten\thostage\nterrorism\ten\t"
            + "word ".repeat(4_000).strip()
            + "\n",
        StandardCharsets.UTF_8);
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    Result r;
    try {
      r = run("lexicon", "check", "--lexicon", lex.toString());
    } finally {
      System.setErr(old);
    }
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: term too long (4000 words");
  }

  @Test
  void checkAcceptsTheBundledLexicon() {
    Result r = run("lexicon", "check");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out()).containsPattern("\\d+ terms, \\d+ frames, \\d+ languages");
  }

  @Test
  void checkPrintsAWarningWithTheLineNumberForATermThatWillNotMatchAsWritten() throws Exception {
    Path lex = tmp.resolve("warn.tsv");
    Files.writeString(
        lex,
        "frame\tlang\tterm\nhostages\ten\thostage\nhostages\tsw\tmateka\n",
        StandardCharsets.UTF_8);
    Result r = run("lexicon", "check", "--lexicon", lex.toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("line 3: warning: sw 'mateka': no language profile")
        .contains("1 warnings");
  }
}

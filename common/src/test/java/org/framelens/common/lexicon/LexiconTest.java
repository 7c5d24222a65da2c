package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LexiconTest {
  @Test
  void theBundledLexiconIsValidAndCoversTenFramesInEightLanguages() {
    Lexicon lexicon = Lexicon.parse(Lexicon.defaultText(), "default");
    assertThat(lexicon.frames()).hasSizeGreaterThanOrEqualTo(8);
    assertThat(lexicon.languages()).contains("en", "ru", "uk", "ar", "he", "de", "fr", "es");
    for (String frame : lexicon.frames()) {
      for (String lang : lexicon.languages()) {
        assertThat(lexicon.entries())
            .as("frame %s has terms in %s", frame, lang)
            .anyMatch(e -> e.frame().equals(frame) && e.lang().equals(lang));
      }
    }
    assertThat(lexicon.version()).matches("sha256:[0-9a-f]{16}");
  }

  @Test
  void everyProblemIsReportedWithItsLineNumber() {
    String tsv =
        "# my lexicon\n"
            + "frame\tlang\tterm\tnote\n"
            + "terrorism\ten\tterror group\t\n"
            + "terrorism\txx\tterror cell\t\n"
            + "hostages\ten\t\t\n"
            + "terrorism\ten\tTerror group\t\n"
            + "hostages\ten\thostage\n"
            + "hostages\ten\t*hostage\t\n";
    assertThatThrownBy(() -> Lexicon.parse(tsv, "my.tsv"))
        .isInstanceOfSatisfying(
            InvalidLexiconException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "line 4: unknown language 'xx' (want ISO 639-1, e.g. en)",
                        "line 5: empty term",
                        "line 6: duplicate of line 3 (terrorism, en, Terror group)",
                        "line 7: expected 4 tab-separated columns, found 3",
                        "line 8: '*' may only end a word, in '*hostage'"))
        .hasMessageContaining("my.tsv");
  }

  @Test
  void aFileWithoutTheHeaderIsRefused() {
    assertThatThrownBy(() -> Lexicon.parse("terrorism\ten\tterror\n", "x"))
        .hasMessageContaining("line 1: header must start with frame<TAB>lang<TAB>term");
  }

  @Test
  void theVersionChangesWithTheContent() {
    String a = "frame\tlang\tterm\nterrorism\ten\tterror group\n";
    String b = "frame\tlang\tterm\nterrorism\ten\tterror cell\n";
    assertThat(Lexicon.parse(a, "a").version()).isNotEqualTo(Lexicon.parse(b, "b").version());
    assertThat(Lexicon.parse(a, "a").version()).isEqualTo(Lexicon.parse(a, "again").version());
  }

  @Test
  void aTermLongerThanTheLimitIsRefusedWithItsLineNumber() {
    String words = "word ".repeat(4_000).strip();
    String chars = "a".repeat(Lexicon.MAX_TERM_CHARS + 1);
    String tooManyWords = "w ".repeat(Lexicon.MAX_TERM_WORDS + 1).strip();
    String tsv =
        "frame\tlang\tterm\n"
            + "terrorism\ten\t"
            + words
            + "\n"
            + "terrorism\ten\t"
            + chars
            + "\n"
            + "terrorism\ten\t"
            + tooManyWords
            + "\n"
            + "terrorism\ten\t"
            + "w ".repeat(Lexicon.MAX_TERM_WORDS).strip()
            + "\n";
    assertThatThrownBy(() -> Lexicon.parse(tsv, "long.tsv"))
        .isInstanceOfSatisfying(
            InvalidLexiconException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "line 2: term too long (4000 words; at most "
                            + Lexicon.MAX_TERM_WORDS
                            + " words and "
                            + Lexicon.MAX_TERM_CHARS
                            + " characters)",
                        "line 3: term too long ("
                            + (Lexicon.MAX_TERM_CHARS + 1)
                            + " characters; at most "
                            + Lexicon.MAX_TERM_WORDS
                            + " words and "
                            + Lexicon.MAX_TERM_CHARS
                            + " characters)",
                        "line 4: term too long ("
                            + (Lexicon.MAX_TERM_WORDS + 1)
                            + " words; at most "
                            + Lexicon.MAX_TERM_WORDS
                            + " words and "
                            + Lexicon.MAX_TERM_CHARS
                            + " characters)"));
  }
}

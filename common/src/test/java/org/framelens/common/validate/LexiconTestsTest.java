package org.framelens.common.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;
import org.junit.jupiter.api.Test;

class LexiconTestsTest {
  static final Lexicon LEXICON = Lexicon.parse(Lexicon.defaultText(), "default");
  static final FrameTagger TAGGER = new FrameTagger(new CompiledLexicon(LEXICON));

  static String bundledTests() throws IOException {
    try (InputStream in =
        Lexicon.class.getResourceAsStream("/framelens/default-lexicon.tests.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theBundledLexiconPassesItsBundledTestsInAllEightLanguages() throws IOException {
    List<LexiconTests.Case> cases = LexiconTests.parse(bundledTests(), "bundled", LEXICON);
    List<LexiconTests.Outcome> outcomes = LexiconTests.run(TAGGER, cases);
    assertThat(LexiconTests.diff(outcomes, "bundled")).isEmpty();
    Set<String> langs = new TreeSet<>();
    cases.forEach(c -> langs.add(c.lang()));
    assertThat(langs).containsExactlyInAnyOrder("en", "ru", "uk", "ar", "he", "de", "fr", "es");
    // must-match and must-not-match lines in every language
    for (String lang : langs) {
      assertThat(cases).anyMatch(c -> c.lang().equals(lang) && c.expected().isEmpty());
      assertThat(cases).anyMatch(c -> c.lang().equals(lang) && !c.expected().isEmpty());
    }
  }

  @Test
  void aFailedTestShowsWhatWasMissingAndWhatWasFoundUnexpectedlyWithTheTerm() {
    String tests =
        "en\tThe hostages were freed after the negotiations.\thostages\n"
            + "en\tA quiet day at the harbour.\t-\n"
            + "en\tThe talks produced a truce.\tterrorism\n";
    List<LexiconTests.Outcome> outcomes =
        LexiconTests.run(TAGGER, LexiconTests.parse(tests, "t.tsv", LEXICON));
    assertThat(outcomes)
        .extracting(LexiconTests.Outcome::passed)
        .containsExactly(false, true, false);
    String diff = LexiconTests.diff(outcomes, "t.tsv");
    assertThat(diff)
        .contains("FAIL t.tsv:1 [en] The hostages were freed after the negotiations.")
        .contains("+ unexpected: diplomacy (\"negotiations\" by term \"negotiat*\")")
        .contains("FAIL t.tsv:3 [en]")
        .contains("- missing:    terrorism")
        .contains("+ unexpected: diplomacy (\"truce\" by term \"truce\")")
        .doesNotContain("t.tsv:2");
  }

  @Test
  void entityMentionsAreCheckedOnlyWhenListed() {
    String tests =
        "en\tHamas released two hostages in Rafah.\thostages\n"
            + "en\tHamas released two hostages in Rafah.\thostages;entity:rafah\n";
    List<LexiconTests.Outcome> outcomes =
        LexiconTests.run(TAGGER, LexiconTests.parse(tests, "t.tsv", LEXICON));
    assertThat(outcomes).allMatch(LexiconTests.Outcome::passed);
  }

  @Test
  void badTestLinesAreRefusedNamingEachLine() {
    String tests =
        "lang\tsentence\texpected\n"
            + "xx\tSome sentence.\t-\n"
            + "en\tOnly two columns\n"
            + "en\tA sentence.\tnot_a_frame\n"
            + "en\tA sentence.\t\n";
    assertThatThrownBy(() -> LexiconTests.parse(tests, "t.tsv", LEXICON))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 2: the lexicon has no terms in language 'xx'")
        .hasMessageContaining("line 3: 2 columns, not 3")
        .hasMessageContaining("line 4: the lexicon has no frame 'not_a_frame'")
        .hasMessageContaining("line 5: no expected frames: write - for none");
  }
}

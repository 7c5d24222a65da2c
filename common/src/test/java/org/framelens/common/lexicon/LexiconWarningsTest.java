package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LexiconWarningsTest {
  @Test
  void termsThatWillNotMatchAsWrittenAreWarnedAboutWithTheirLineNumbers() {
    String tsv =
        "frame\tlang\tterm\n"
            + "hostages\ten\thostage\n"
            + "hostages\tsw\tmateka\n"
            + "hostages\ten\tthe\n"
            + "hostages\tde\tab\n"
            + "hostages\tzh\t质\n"
            + "hostages\tzh\t人质\n"
            + "hostages\tit\tdella\n"
            + "hostages\ten\tarmed group\n";
    assertThat(LexiconWarnings.of(Lexicon.parse(tsv, "w.tsv")))
        .containsExactly(
            "line 3: warning: sw 'mateka': no language profile for 'sw': matched only as written"
                + " (normalised surface form; add * for endings)",
            "line 4: warning: en 'the': it is a stopword of en (a very common word)",
            "line 5: warning: de 'ab': its key 'ab' has fewer than 3 characters and matches many"
                + " words",
            "line 6: warning: zh '质': a term of one character is found inside many unrelated"
                + " words",
            "line 8: warning: it 'della': it is a stopword of it (a very common word)");
  }

  @Test
  void theBundledLexiconHasNoWarnings() {
    assertThat(LexiconWarnings.of(Lexicon.parse(Lexicon.defaultText(), "default"))).isEmpty();
  }
}

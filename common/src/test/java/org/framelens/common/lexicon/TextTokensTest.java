package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.framelens.common.lexicon.lang.WordToken;
import org.junit.jupiter.api.Test;

class TextTokensTest {
  @Test
  void theFastFormatCharacterCheckAgreesWithTheUnicodeTableForEveryBmpCharacter() {
    for (int c = 0; c <= 0xFFFF; c++) {
      if (Character.isSurrogate((char) c)) {
        continue;
      }
      assertThat(TextTokens.isFormatChar((char) c))
          .as("U+%04X", c)
          .isEqualTo(Character.getType(c) == Character.FORMAT);
    }
  }

  @Test
  void supplementaryFormatCharactersAreFoundAndRemovedToo() {
    // U+E0041 (TAG LATIN CAPITAL LETTER A) inside a word
    String text = "hos\uDB40\uDC41tages";
    assertThat(TextTokens.containsFormatChar(text)).isTrue();
    assertThat(new TextTokens().tokenize(text))
        .containsExactly(new WordToken("hostages", 0, text.length()));
  }

  @Test
  void aZeroWidthSpaceNoLongerSplitsAWordAndOffsetsSkipMarksAtItsEdges() {
    String text = "a \u200Fterror\u200Bists\u200E, b";
    assertThat(new TextTokens().tokenize(text))
        .containsExactly(
            new WordToken("a", 0, 1),
            new WordToken("terrorists", 3, 14),
            new WordToken("b", 17, 18));
    assertThat(text.substring(3, 14)).isEqualTo("terror\u200Bists");
  }

  @Test
  void textWithoutFormatCharactersTakesTheFastPath() {
    assertThat(TextTokens.containsFormatChar("Заложники, החטופים, الأسرى, otages\u202F»"))
        .isFalse();
    assertThat(TextTokens.containsFormatChar("emoji \uD83D\uDC69\u200D\u2695\uFE0F only"))
        .isFalse();
  }
}

package org.framelens.common.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodePointOrderTest {
  @Test
  void ordersByCodePointLikeUtf8BytesNotByUtf16Units() {
    String emoji = "\uD83D\uDE00"; // U+1F600, a surrogate pair in UTF-16
    String privateUse = "\uE000"; // U+E000
    // UTF-16 units put the surrogate (0xD83D) first; code points put U+E000 first
    assertThat(emoji.compareTo(privateUse)).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare(emoji, privateUse)).isPositive();
  }

  @Test
  void aPrefixSortsBeforeTheLongerStringAndEqualStringsCompareEqual() {
    assertThat(CodePointOrder.INSTANCE.compare("abc", "abcd")).isNegative();
    assertThat(CodePointOrder.INSTANCE.compare("abcd", "abc")).isPositive();
    assertThat(CodePointOrder.INSTANCE.compare("קול", "קול")).isZero();
  }
}

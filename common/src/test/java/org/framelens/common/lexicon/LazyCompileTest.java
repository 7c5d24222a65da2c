package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled lexicon's Chinese, Japanese and Korean terms are segmented with dictionaries that
 * take seconds to load: a run whose articles are in other languages must not pay for them.
 */
class LazyCompileTest {
  @Test
  void aLanguagesTermsAreCompiledOnlyWhenTextOfThatLanguageIsTagged() {
    CompiledLexicon lexicon =
        new CompiledLexicon(Lexicon.parse(Lexicon.defaultText(), "bundled lexicon"));
    FrameTagger tagger = new FrameTagger(lexicon);

    assertThat(lexicon.isCompiled("en")).isFalse();
    List<FrameHit> en =
        tagger.tag(null, List.of("The hostages were released after talks in Doha."), "en").hits();

    assertThat(en).extracting(FrameHit::frame).contains("hostages");
    assertThat(lexicon.isCompiled("en")).isTrue();
    assertThat(lexicon.isCompiled("zh")).isFalse();
    assertThat(lexicon.isCompiled("ja")).isFalse();
    assertThat(lexicon.isCompiled("ko")).isFalse();

    List<FrameHit> zh = tagger.tag(null, List.of("两名人质星期五获释。"), "zh").hits();
    assertThat(zh).extracting(FrameHit::frame).contains("hostages");
    assertThat(lexicon.isCompiled("zh")).isTrue();
    assertThat(lexicon.isCompiled("ja")).isFalse();
  }
}

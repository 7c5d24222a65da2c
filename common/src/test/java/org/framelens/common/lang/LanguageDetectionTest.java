package org.framelens.common.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguageDetectionTest {
  private static final LanguageDetection DETECTION =
      new LanguageDetection(LanguageDetection.COMMON_NEWS_LANGUAGES);

  @Test
  void detectsTheLanguageOfNewsSentences() {
    assertThat(
            DETECTION
                .detect("The mediators said the talks about the release would go on tonight.")
                .lang())
        .isEqualTo("en");
    assertThat(
            DETECTION
                .detect("Посредники заявили, что переговоры об освобождении продолжатся вечером.")
                .lang())
        .isEqualTo("ru");
    assertThat(
            DETECTION
                .detect("Посередники заявили, що перемовини про звільнення триватимуть увечері.")
                .lang())
        .isEqualTo("uk");
    assertThat(DETECTION.detect("قال الوسطاء إن المحادثات بشأن الإفراج ستستمر هذا المساء.").lang())
        .isEqualTo("ar");
    assertThat(DETECTION.detect("המתווכים אמרו שהשיחות על השחרור יימשכו הערב.").lang())
        .isEqualTo("he");
    assertThat(
            DETECTION
                .detect(
                    "Die Vermittler sagten, die Gespräche über die Freilassung gingen am Abend weiter.")
                .lang())
        .isEqualTo("de");
    assertThat(
            DETECTION
                .detect(
                    "Les médiateurs ont indiqué que les discussions sur la libération se poursuivraient ce soir.")
                .lang())
        .isEqualTo("fr");
    assertThat(
            DETECTION
                .detect(
                    "Los mediadores dijeron que las conversaciones sobre la liberación seguirán esta noche.")
                .lang())
        .isEqualTo("es");
  }

  @Test
  void confidenceIsBetweenZeroAndOne() {
    LanguageDetection.Detected d =
        DETECTION.detect("The mediators said the talks would go on tonight.");
    assertThat(d.confidence()).isBetween(0.5, 1.0);
  }

  @Test
  void tooLittleTextIsUndetermined() {
    assertThat(DETECTION.detect("").lang()).isEqualTo("und");
    assertThat(DETECTION.detect("12 34 — !!").lang()).isEqualTo("und");
    assertThat(DETECTION.detect(null).lang()).isEqualTo("und");
  }

  @Test
  void anUnknownLanguageCodeIsRefused() {
    assertThatThrownBy(() -> new LanguageDetection(List.of("en", "xx")))
        .hasMessageContaining("'xx'");
  }
}

package org.framelens.common.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTaggerTest {
  private static final String LEXICON =
      String.join(
          "\n",
          "frame\tlang\tterm",
          "terrorism\ten\tterror group",
          "terrorism\ten\tterrorist organization",
          "terrorism\ten\tterrorist",
          "hostages\ten\thostage",
          "humanitarian\ten\thumanitarian pause",
          "humanitarian\ten\thumanitarian",
          "terrorism\tru\tтеррористическая организация",
          "hostages\tru\tзаложник",
          "hostages\tuk\tзаручник*",
          "resistance\tar\tمقاومة",
          "captives_prisoners\tar\tأسير",
          "terrorism\the\tארגון טרור",
          "hostages\the\tחטוף",
          "humanitarian\tfr\tcouloir humanitaire",
          "hostages\tfr\totage",
          "humanitarian\tde\thumanitärer Korridor",
          "hostages\tde\tGeisel",
          "hostages\tes\trehén",
          "");

  private final FrameTagger tagger =
      new FrameTagger(new CompiledLexicon(Lexicon.parse(LEXICON, "test")));

  private List<String> matched(String text, String lang) {
    return tagger.tag(null, List.of(text), lang).hits().stream()
        .map(h -> h.frame() + ":" + h.matchedText())
        .toList();
  }

  @Test
  void pluralFormsOfEveryWordMatch() {
    assertThat(
            matched(
                "Two terrorist organizations and a terror group's leaders held hostages.", "en"))
        .containsExactly(
            "terrorism:terrorist organizations", "terrorism:terror group's", "hostages:hostages");
  }

  @Test
  void derivationsDoNotMatch() {
    assertThat(matched("The terrorized groups of villagers fled.", "en")).isEmpty();
  }

  @Test
  void russianCaseAndNumberFormsMatch() {
    assertThat(
            matched(
                "Его назвали террористической организацией; судьба заложников неизвестна.", "ru"))
        .containsExactly("terrorism:террористической организацией", "hostages:заложников");
  }

  @Test
  void aWildcardMatchesEveryContinuationOfTheWord() {
    assertThat(matched("Заручники та заручниками звільнили.", "uk"))
        .containsExactly("hostages:Заручники", "hostages:заручниками");
  }

  @Test
  void arabicCliticsAndTheArticleDoNotPreventAMatch() {
    assertThat(matched("أشادت الصحيفة بالمقاومة والمقاومة، وتحدثت عن الأسير وللأسير.", "ar"))
        .containsExactly(
            "resistance:بالمقاومة",
            "resistance:والمقاومة",
            "captives_prisoners:الأسير",
            "captives_prisoners:وللأسير");
  }

  @Test
  void arabicDiacriticsAndTatweelAreIgnored() {
    assertThat(matched("تحدث عن المُقَاوَمَة وعن المقـاومة", "ar")).hasSize(2);
  }

  @Test
  void hebrewPrefixLettersDoNotPreventAMatch() {
    assertThat(matched("הממשלה נלחמת בארגון הטרור ומשפחות החטופים והחטופות מחכות.", "he"))
        .containsExactly("terrorism:בארגון הטרור", "hostages:החטופים", "hostages:והחטופות");
  }

  @Test
  void frenchElisionAndPluralsMatch() {
    assertThat(
            matched(
                "L’otage et les otages attendent des couloirs humanitaires ; d'otages aussi.",
                "fr"))
        .containsExactly(
            "hostages:L’otage",
            "hostages:otages",
            "humanitarian:couloirs humanitaires",
            "hostages:d'otages");
  }

  @Test
  void germanInflectionMatches() {
    assertThat(matched("Zwei humanitäre Korridore für die Geiseln.", "de"))
        .containsExactly("humanitarian:humanitäre Korridore", "hostages:Geiseln");
  }

  @Test
  void spanishPluralsMatch() {
    assertThat(matched("Los rehenes y el rehén.", "es"))
        .containsExactly("hostages:rehenes", "hostages:rehén");
  }

  @Test
  void termsOnlyMatchInTheirOwnLanguage() {
    assertThat(matched("The hostages were freed.", "fr")).isEmpty();
    assertThat(matched("The hostages were freed.", "und")).isEmpty();
  }

  @Test
  void theLongestTermAtAPositionWinsAndCountsOnce() {
    assertThat(matched("A humanitarian pause, not humanitarian talk.", "en"))
        .containsExactly("humanitarian:humanitarian pause", "humanitarian:humanitarian");
  }

  @Test
  void wholeWordsOnly() {
    assertThat(matched("Hostageship and nonhostage are not words we count.", "en")).isEmpty();
  }

  @Test
  void aMatchNeverCrossesAParagraph() {
    assertThat(tagger.tag(null, List.of("They called it a terror", "group of men."), "en").hits())
        .isEmpty();
  }

  @Test
  void quotedHitsAreMarkedQuotedAndAnUnclosedQuoteEndsAtTheParagraph() {
    FrameTagger.TagResult r =
        tagger.tag(
            null,
            List.of(
                "Officials spoke of \u201Cterrorists\u201D; the paper wrote terrorists.",
                "« Les otages » et les otages.",
                "He said \"the hostages are",
                "hostages again"),
            "en");
    assertThat(r.hits().stream().map(h -> h.matchedText() + "/" + h.voice()).toList())
        .containsExactly("terrorists/quoted", "terrorists/own", "hostages/quoted", "hostages/own");
  }

  @Test
  void hebrewGershayimIsNotAQuotationButAQuoteAfterAPrefixIs() {
    FrameTagger.TagResult r =
        tagger.tag(
            null,
            List.of(
                "דובר צה\"ל אמר כי ארה\"ב תסייע לחטופים.",
                "השר קרא לו ב\"ארגון טרור\" ושוב דיבר על החטופים."),
            "he");
    assertThat(r.hits().stream().map(h -> h.matchedText() + "/" + h.voice()).toList())
        .containsExactly("לחטופים/own", "ב\"ארגון טרור/quoted", "החטופים/own");
  }

  @Test
  void titleAndBodyHitsCarryTheirSectionAndOffsetsInThatSection() {
    FrameTagger.TagResult r =
        tagger.tag("Hostage talks", List.of("First paragraph.", "The hostages wait."), "en");
    assertThat(r.hits()).hasSize(2);
    FrameHit title = r.hits().get(0);
    FrameHit body = r.hits().get(1);
    assertThat(title.section()).isEqualTo("title");
    assertThat("Hostage talks".substring(title.start(), title.end())).isEqualTo("Hostage");
    assertThat(body.section()).isEqualTo("body");
    assertThat("First paragraph.\nThe hostages wait.".substring(body.start(), body.end()))
        .isEqualTo("hostages");
    assertThat(r.tokenCount()).isEqualTo(2 + 2 + 3);
  }

  @Test
  void theSnippetShowsAboutSixtyCharactersEitherSide() {
    String before = "x".repeat(100) + " ";
    String after = " " + "y".repeat(100);
    FrameHit hit = tagger.tag(null, List.of(before + "hostages" + after), "en").hits().get(0);
    assertThat(hit.snippet())
        .isEqualTo(
            "…"
                + before.substring(before.length() - 60)
                + "hostages"
                + after.substring(0, 60)
                + "…");
  }
}

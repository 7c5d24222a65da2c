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

  @Test
  void formatCharactersInsideAndAroundWordsDoNotPreventAMatchAndOffsetsPointAtTheOriginalText() {
    // zero-width space and word joiner inside words, an LRM between the words of a term, a PDF
    // after a word, ZWNJ and ZWJ inside Arabic and Hebrew words, an Arabic letter mark after one
    String en = "First line.\u200F";
    String body =
        "\uFEFFThe terror\u200Bists held the hos\u2060tages; a \u202Aterror\u200E group\u202C"
            + " spoke.";
    FrameTagger.TagResult r = tagger.tag(null, List.of(en, body), "en");
    String joined = en + "\n" + body;
    assertThat(r.hits())
        .extracting(FrameHit::matchedText)
        .containsExactly("terror\u200Bists", "hos\u2060tages", "terror\u200E group");
    for (FrameHit h : r.hits()) {
      assertThat(joined.substring(h.start(), h.end())).isEqualTo(h.matchedText());
      assertThat(h.snippet()).contains(h.matchedText());
    }
    assertThat(matched("أفرج عن الأسي\u200Cر، والمقاومة\u061C مستمرة، وعن أسي\u200Dر آخر.", "ar"))
        .containsExactly(
            "captives_prisoners:الأسي\u200Cر",
            "resistance:والمقاومة",
            "captives_prisoners:أسي\u200Dر");
    assertThat(matched("החטו\u200Dפים \u202Bארגון\u200F טרור\u202C, ו\u202Bארגון\u202C טרור", "he"))
        .containsExactly(
            "hostages:החטו\u200Dפים",
            "terrorism:ארגון\u200F טרור",
            "terrorism:ו\u202Bארגון\u202C טרור"); // a prefix letter is part of the word
  }

  @Test
  void aLexiconTermWithFormatCharactersMatchesTheSameWordsWithoutThem() {
    FrameTagger t =
        new FrameTagger(
            new CompiledLexicon(
                Lexicon.parse(
                    "frame\tlang\tterm\nhostages\ten\thos\u200Btage\u200E taking\n", "t")));
    assertThat(t.tag(null, List.of("No hostage taking was reported."), "en").hits())
        .extracting(FrameHit::matchedText)
        .containsExactly("hostage taking");
  }

  @Test
  void anEmojiZwjSequenceStaysOneTokenAndTextWithoutFormatCharactersCountsAsBefore() {
    // woman health worker: woman, ZWJ, staff of Aesculapius, variation selector
    String emoji = "\uD83D\uDC69\u200D\u2695\uFE0F";
    assertThat(
            tagger.tag(null, List.of("Medics " + emoji + " treated hostages."), "en").tokenCount())
        .isEqualTo(4);
    assertThat(tagger.tag(null, List.of("Medics\u200B treated\u00AD hostages."), "en").tokenCount())
        .isEqualTo(3);
  }

  private static List<String> matchedWith(String lexiconRows, String text, String lang) {
    FrameTagger t =
        new FrameTagger(
            new CompiledLexicon(Lexicon.parse("frame\tlang\tterm\n" + lexiconRows, "test")));
    return t.tag(null, List.of(text), lang).hits().stream()
        .map(h -> h.frame() + ":" + h.matchedText())
        .toList();
  }

  @Test
  void theGermanGenitiveSingularMatchesItsNounAndBaseFormsEndingInSAreNotConflated() {
    String lexicon =
        String.join(
            "\n",
            "a\tde\thumanitärer Korridor",
            "b\tde\tKur",
            "c\tde\tProzess",
            "d\tde\tBündnis",
            "e\tde\tTerrorist",
            "f\tde\tKurs",
            "g\tde\tAkteur",
            "");
    assertThat(
            matchedWith(
                lexicon,
                "Die Sicherung des humanitären Korridors, des Prozesses und des Bündnisses;"
                    + " zwei Bündnisse und die Rolle des Akteurs.",
                "de"))
        .containsExactly(
            "a:humanitären Korridors", "c:Prozesses", "d:Bündnisses", "d:Bündnisse", "g:Akteurs");
    // Kurs and Diskurs are not the genitive of Kur; Terrorismus is not Terrorist; Kur is not Kurs
    assertThat(matchedWith(lexicon, "Der Kurs im Diskurs über den Terrorismus.", "de"))
        .containsExactly("f:Kurs");
    assertThat(matchedWith(lexicon, "Eine Kur in Baden, der Konkurs der Firma.", "de"))
        .containsExactly("b:Kur");
  }

  @Test
  void arabicTanweenAndTheAccusativeAlefAreFoldedButOnlyOnTheTextsWord() {
    String lexicon = String.join("\n", "p\tar\tأسير", "m\tar\tميليشيا", "q\tar\tأسرى", "");
    assertThat(matchedWith(lexicon, "أسيرٌ وأسيرٍ وأسيراً وأسيرًا وأسيرا", "ar"))
        .containsExactly("p:أسيرٌ", "p:وأسيرٍ", "p:وأسيراً", "p:وأسيرًا", "p:وأسيرا");
    // a lexicon word ending in alef keeps it: ميليش is no word of the text
    assertThat(matchedWith(lexicon, "ميليشيا محلية", "ar")).containsExactly("m:ميليشيا");
    // أسرة (family) is not أسرى (prisoners), although both reduce to the same three letters; the
    // ة of a three-letter word still goes (هدنة, its plural هدنات)
    assertThat(matchedWith(lexicon, "زارت الأسرة الأسرى", "ar")).containsExactly("q:الأسرى");
    assertThat(matchedWith("t\tar\tهدنة إنسانية\n", "دعا إلى هدنات إنسانية وهدنة إنسانية", "ar"))
        .containsExactly("t:هدنات إنسانية", "t:وهدنة إنسانية");
  }

  @Test
  void hebrewConstructStatePluralsMatchAndTheVerbShavuIsNotACaptive() {
    String lexicon = String.join("\n", "c\the\tשבוי", "h\the\tחטוף", "");
    assertThat(matchedWith(lexicon, "שבויי המלחמה ושבויים אחרים שבו הביתה עם חטופי הקיבוץ", "he"))
        .containsExactly("c:שבויי", "c:ושבויים", "h:חטופי");
  }

  @Test
  void spanishPluralsOfShortWordsAndOfWordsInYMatchTheirSingular() {
    String lexicon = String.join("\n", "d\tes\talto el fuego", "h\tes\tconvoy de ayuda", "");
    assertThat(
            matchedWith(
                lexicon,
                "Los altos el fuego fallaron; los convoyes de ayuda y los convoys de ayuda esperan.",
                "es"))
        .containsExactly("d:altos el fuego", "h:convoyes de ayuda", "h:convoys de ayuda");
  }

  @Test
  void aTermOfFourThousandWordsCompilesAndMatchesWithoutExhaustingTheStack() {
    // Validation refuses such a term (Lexicon.MAX_TERM_WORDS); the trie itself has no depth limit.
    String term = "word ".repeat(4_000).strip();
    Lexicon lexicon = Lexicon.of(List.of(new LexiconEntry("x", "en", term, 2)));
    FrameTagger t = new FrameTagger(new CompiledLexicon(lexicon));
    List<FrameHit> hits = t.tag(null, List.of("a " + term + " b"), "en").hits();
    assertThat(hits).hasSize(1);
    assertThat(hits.get(0).matchedText()).isEqualTo(term);
  }
}

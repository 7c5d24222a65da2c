package org.framelens.common.lexicon.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Smoke sentences per profile: what each profile's key function and splitter are for. */
class LanguageProfilesTest {
  private static List<String> keys(String lang, String word) {
    LanguageProfile p = LanguageProfiles.of(lang);
    return p.textKeys(p.normalize(word));
  }

  private static String termKey(String lang, String word) {
    LanguageProfile p = LanguageProfiles.of(lang);
    return p.termKey(p.normalize(word));
  }

  @Test
  void aLanguageWithoutAProfileIsMatchedAsWritten() {
    assertThat(LanguageProfiles.hasRules("sw")).isFalse();
    assertThat(keys("sw", "Mateka")).containsExactly("mateka");
    assertThat(LanguageProfiles.hasRules("tr")).isTrue();
  }

  @Test
  void turkishReadsACapitalIBothWaysAndDropsSuffixesAfterAnApostrophe() {
    assertThat(keys("tr", "SILAHLI")).contains(termKey("tr", "silahlı"));
    assertThat(keys("tr", "REHİNELER")).contains(termKey("tr", "rehine"));
    assertThat(keys("tr", "Hamas'ın")).containsExactly(termKey("tr", "Hamas"));
  }

  @Test
  void persianUnifiesYehKafAndDigitsAndPeelsPluralAndPossessive() {
    assertThat(LanguageProfiles.of("fa").normalize("كشي۱۲"))
        .isEqualTo(LanguageProfiles.of("fa").normalize("کشی12"));
    assertThat(keys("fa", "گروگانهایش")).contains(termKey("fa", "گروگان"));
  }

  @Test
  void polishLemmasKeepThePrisonerApartFromThePrison() {
    assertThat(keys("pl", "więźniów")).contains(termKey("pl", "więzień"));
    assertThat(keys("pl", "więzieniu")).doesNotContain(termKey("pl", "więzień"));
  }

  @Test
  void indonesianReduplicatedPluralIsOneWord() {
    WordSplitter s =
        LanguageProfiles.of("id")
            .newSplitter(text -> List.of(new WordToken("kata", 0, 4), new WordToken("kata", 5, 9)));
    assertThat(s.tokenize("kata-kata")).containsExactly(new WordToken("kata", 0, 9));
  }

  @Test
  void italianArticulatedPrepositionsHaveTheKeyOfTheirPreposition() {
    assertThat(keys("it", "degli")).containsExactly(termKey("it", "di"));
    assertThat(keys("it", "prigionia")).doesNotContain(termKey("it", "prigione"));
  }

  @Test
  void cornerBracketsAreQuotesInJapaneseButNotInEnglish() {
    String p = "首相は「テロ」と述べた";
    int inside = p.indexOf('テ');
    assertThat(LanguageProfiles.of("ja").quotedChars(p)[inside]).isTrue();
    assertThat(LanguageProfiles.of("en").quotedChars(p)[inside]).isFalse();
  }
}

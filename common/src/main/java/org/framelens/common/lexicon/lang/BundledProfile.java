package org.framelens.common.lexicon.lang;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.framelens.common.lexicon.WordForms;

/**
 * The eight languages framelens shipped rules for before profiles (en de fr es ru uk ar he): their
 * rules stay in {@link WordForms}, unchanged, behind this profile.
 */
final class BundledProfile implements LanguageProfile {
  private final String lang;
  private final Supplier<Set<String>> stopwords;

  BundledProfile(String lang, Supplier<Set<String>> stopwords) {
    this.lang = lang;
    this.stopwords = stopwords;
  }

  @Override
  public String lang() {
    return lang;
  }

  @Override
  public String termKey(String normalizedWord) {
    return WordForms.termKey(lang, normalizedWord);
  }

  @Override
  public List<String> textKeys(String normalizedToken) {
    return WordForms.textKeys(lang, normalizedToken);
  }

  @Override
  public List<String> surfaces(String normalizedToken) {
    return WordForms.surfaces(lang, normalizedToken);
  }

  @Override
  public String wildcardPrefix(String normalizedPrefix) {
    return WordForms.wildcardPrefix(lang, normalizedPrefix);
  }

  @Override
  public Set<String> stopwords() {
    return stopwords.get();
  }
}

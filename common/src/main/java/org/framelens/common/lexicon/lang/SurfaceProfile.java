package org.framelens.common.lexicon.lang;

import java.util.List;

/** A language without rules: the normalised surface form is the key (plus {@code *} wildcards). */
final class SurfaceProfile implements LanguageProfile {
  private final String lang;

  SurfaceProfile(String lang) {
    this.lang = lang;
  }

  @Override
  public String lang() {
    return lang;
  }

  @Override
  public boolean hasRules() {
    return false;
  }

  @Override
  public String termKey(String normalizedWord) {
    return normalizedWord;
  }

  @Override
  public List<String> textKeys(String normalizedToken) {
    return List.of(normalizedToken);
  }
}

package org.framelens.common.lexicon.cjk;

import java.text.Normalizer;
import java.util.Locale;

/** Normalisation shared by the three segmenters' keys. */
final class CjkKeys {
  private CjkKeys() {}

  /**
   * NFKC (full-width ASCII and digits → half-width, half-width kana → full-width, compatibility
   * ideographs → unified ones), then lower case (Latin words inside CJK text).
   */
  static String normalize(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
  }

  /** Whether a token holds a letter or digit (punctuation and symbol tokens are left out). */
  static boolean hasLetterOrDigit(CharSequence s) {
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      if (Character.isLetterOrDigit(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}

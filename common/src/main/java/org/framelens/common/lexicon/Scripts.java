package org.framelens.common.lexicon;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.lang.WordToken;

/**
 * Splits a paragraph's tokens into runs of one writing system. Runs in the article language's
 * script are matched with its terms; a run in another script (a quoted Arabic slogan in an English
 * report) is matched with the terms of the language Lingua detects for it, when it is confident.
 */
final class Scripts {
  private Scripts() {}

  private static final Map<String, UnicodeScript> SCRIPT_OF_LANGUAGE =
      Map.ofEntries(
          Map.entry("ru", UnicodeScript.CYRILLIC),
          Map.entry("uk", UnicodeScript.CYRILLIC),
          Map.entry("be", UnicodeScript.CYRILLIC),
          Map.entry("bg", UnicodeScript.CYRILLIC),
          Map.entry("mk", UnicodeScript.CYRILLIC),
          Map.entry("sr", UnicodeScript.CYRILLIC),
          Map.entry("kk", UnicodeScript.CYRILLIC),
          Map.entry("mn", UnicodeScript.CYRILLIC),
          Map.entry("ar", UnicodeScript.ARABIC),
          Map.entry("fa", UnicodeScript.ARABIC),
          Map.entry("ur", UnicodeScript.ARABIC),
          Map.entry("he", UnicodeScript.HEBREW),
          Map.entry("el", UnicodeScript.GREEK),
          Map.entry("hy", UnicodeScript.ARMENIAN),
          Map.entry("ka", UnicodeScript.GEORGIAN),
          Map.entry("zh", UnicodeScript.HAN),
          Map.entry("ja", UnicodeScript.HAN),
          Map.entry("ko", UnicodeScript.HANGUL),
          Map.entry("th", UnicodeScript.THAI),
          Map.entry("hi", UnicodeScript.DEVANAGARI),
          Map.entry("mr", UnicodeScript.DEVANAGARI),
          Map.entry("bn", UnicodeScript.BENGALI));

  /** The script a language is written in; Latin for every language not listed. */
  static UnicodeScript scriptOf(String lang) {
    if (lang == null || lang.equals(LanguageDetection.UNDETERMINED)) {
      return null;
    }
    return SCRIPT_OF_LANGUAGE.getOrDefault(lang, UnicodeScript.LATIN);
  }

  /** The script of a token's first letter; null for tokens without letters (numbers). */
  static UnicodeScript scriptOfToken(String token) {
    for (int i = 0; i < token.length(); ) {
      int cp = token.codePointAt(i);
      if (cp < 0x80) {
        // ASCII: letters are Latin, and UnicodeScript.of's table search is not needed
        if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
          return UnicodeScript.LATIN;
        }
        i++;
        continue;
      }
      if (Character.isLetter(cp)) {
        UnicodeScript s = UnicodeScript.of(cp);
        return s == UnicodeScript.HIRAGANA || s == UnicodeScript.KATAKANA ? UnicodeScript.HAN : s;
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** The language of a run of tokens in a script other than the article's. */
  interface RunLanguage {
    /**
     * The language to match tokens [from, to) of the paragraph (a run written in {@code script})
     * with; null: none.
     */
    String of(int from, int to, UnicodeScript script);
  }

  static List<FrameTagger.Segment> segments(
      String paragraph,
      List<WordToken> toks,
      TokenWord[] words,
      String lang,
      RunLanguage runLanguage) {
    UnicodeScript articleScript = scriptOf(lang);
    List<FrameTagger.Segment> out = new ArrayList<>(1);
    int from = 0;
    UnicodeScript current = null;
    for (int i = 0; i <= toks.size(); i++) {
      UnicodeScript s = i < toks.size() ? words[i].script : null;
      boolean boundary = i == toks.size() || (s != null && current != null && s != current);
      if (boundary) {
        if (i > from) {
          String l;
          if (current == null || current == articleScript) {
            l = articleScript == null ? null : lang;
          } else {
            l = runLanguage.of(from, i, current);
          }
          out.add(new FrameTagger.Segment(from, i, l));
        }
        from = i;
        current = null;
      }
      if (s != null && current == null) {
        current = s;
      }
    }
    return out;
  }

  /**
   * The language Lingua names for a run in {@code script}, if it is written in that script; null
   * when it names none, another script's language, or there is no detector.
   */
  static String detectRun(String text, UnicodeScript script, LanguageDetection detection) {
    if (detection == null) {
      return null;
    }
    LanguageDetection.Detected d = detection.detect(text);
    if (d.lang().equals(LanguageDetection.UNDETERMINED) || scriptOf(d.lang()) != script) {
      return null;
    }
    return d.lang();
  }
}

package org.framelens.common.lexicon;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;
import org.apache.lucene.analysis.de.GermanLightStemmer;
import org.apache.lucene.analysis.de.GermanMinimalStemmer;
import org.apache.lucene.analysis.en.EnglishMinimalStemmer;
import org.apache.lucene.analysis.es.SpanishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.ru.RussianLightStemmer;

/**
 * Turns one word (a token of text, or a word of a lexicon term) into the keys the tagger matches
 * on, per language. Inflection is handled by Lucene's light and minimal stemmers (they conflate
 * plural, case and gender forms but not derivations); attached clitics are stripped here where
 * Lucene has nothing for them (Arabic proclitics beyond the article, Hebrew prefix letters, Romance
 * elision); Hebrew and Ukrainian get a small suffix stripper because Lucene's common analyzers have
 * no stemmer for them. Stateless: safe to share.
 */
public final class WordForms {
  private static final EnglishMinimalStemmer EN = new EnglishMinimalStemmer();
  private static final GermanLightStemmer DE = new GermanLightStemmer();
  private static final GermanMinimalStemmer DE_MINIMAL = new GermanMinimalStemmer();
  private static final FrenchLightStemmer FR = new FrenchLightStemmer();
  private static final SpanishLightStemmer ES = new SpanishLightStemmer();
  private static final ItalianLightStemmer IT = new ItalianLightStemmer();
  private static final PortugueseLightStemmer PT = new PortugueseLightStemmer();
  private static final RussianLightStemmer RU = new RussianLightStemmer();
  private static final ArabicNormalizer AR_NORM = new ArabicNormalizer();
  private static final ArabicStemmer AR = new ArabicStemmer();

  private static final Set<String> FRENCH_ELISIONS =
      Set.of("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu");
  private static final Set<String> ITALIAN_ELISIONS =
      Set.of(
          "l", "d", "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "quell", "quest",
          "c", "m", "s", "t", "v");
  private static final String HEBREW_PREFIX_LETTERS = "והבכלמש";
  private static final List<String> UKRAINIAN_ENDINGS =
      List.of(
          "ами", "ями", "ові", "еві", "єві", "ому", "ого", "ими", "іми", "им", "ій", "ий", "ої",
          "ою", "ею", "єю", "ах", "ях", "ів", "їв", "ам", "ям", "ом", "ем", "ім", "их", "іх", "ую",
          "юю", "а", "я", "о", "е", "є", "у", "ю", "і", "ї", "и", "ь", "й");

  private WordForms() {}

  /**
   * Language-independent normalisation: NFKC, lower case, format characters (Cf: the ZWJ the
   * tokenizer keeps inside words, and any other) removed, Arabic diacritics and tatweel and Hebrew
   * points removed, the alef written with the accusative tanween (اً, ًا) removed, apostrophe and
   * hyphen variants unified.
   */
  public static String normalize(String word) {
    if (isPlainAscii(word)) {
      return word.toLowerCase(Locale.ROOT); // NFKC and the foldings below change nothing here
    }
    String n = Normalizer.normalize(word, Normalizer.Form.NFKC);
    StringBuilder b = new StringBuilder(n.length());
    boolean fathatan = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
        fathatan |= c == 0x064B;
        continue; // Arabic harakat, superscript alef, tatweel
      }
      if (TextTokens.isFormatChar(c)) {
        continue; // ZWJ, and any format character that reaches here
      }
      if ((c >= 0x0591 && c <= 0x05BD)
          || c == 0x05BF
          || c == 0x05C1
          || c == 0x05C2
          || c == 0x05C4
          || c == 0x05C5
          || c == 0x05C7
          || c == 0x00AD) {
        continue; // Hebrew cantillation and niqqud, soft hyphen
      }
      switch (c) {
        case '\u2019', '\u2018', '\u02BC', '\u0060', '\u00B4', '\u2032', '\u05F3' -> b.append('\'');
        case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', '\uFE63' -> b.append('-');
        case '\u05F4' -> b.append('"');
        default -> b.append(c);
      }
    }
    if (fathatan && b.length() > 3 && b.charAt(b.length() - 1) == 'ا') {
      // The indefinite accusative writes its tanween with an alef (أسيراً, أسيرًا): the alef is
      // the ending, not the word's. Without the diacritic it is ambiguous; see textKeys.
      b.setLength(b.length() - 1);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isPlainAscii(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (c >= 0x80 || c == '`') {
        return false;
      }
    }
    return true;
  }

  /** The key of one (normalised) lexicon word. */
  public static String termKey(String lang, String normalizedWord) {
    return switch (lang) {
      case "ar" -> arabicTermKey(normalizedWord);
      case "he" -> hebrewStem(normalizedWord);
      default -> stem(lang, stripElision(lang, normalizedWord));
    };
  }

  /** The keys a (normalised) text token may match: its stem, and stems with clitics removed. */
  public static List<String> textKeys(String lang, String normalizedToken) {
    switch (lang) {
      case "ar" -> {
        List<String> keys = new ArrayList<>(3);
        boolean maqsura = normalizedToken.endsWith("ى");
        for (String c : arabicCandidates(normalizedToken)) {
          String k = arabicStem(c, maqsura);
          if (!keys.contains(k)) {
            keys.add(k);
          }
          // A final alef may be the accusative tanween's written without its diacritic (أسيرا
          // for أسيراً): the word without it is a candidate too. Only the text's word is read so:
          // a lexicon word ending in alef (ميليشيا) keeps it.
          if (c.length() > 3 && c.charAt(c.length() - 1) == 'ا') {
            k = arabicStem(c.substring(0, c.length() - 1), false);
            if (!keys.contains(k)) {
              keys.add(k);
            }
          }
          // The nominative construct state of a sound masculine plural drops the ن of -ون
          // (مقاتلو الحركة, مستوطنو المنطقة): a final و of a word of five letters or more is also
          // read as that ending. (The genitive's -ي is a suffix to Lucene's stemmer already.)
          if (c.length() > 4 && c.charAt(c.length() - 1) == 'و') {
            k = arabicStem(c.substring(0, c.length() - 1), false);
            if (!keys.contains(k)) {
              keys.add(k);
            }
          }
        }
        return keys;
      }
      case "he" -> {
        List<String> keys = new ArrayList<>(3);
        for (String c : hebrewCandidates(normalizedToken)) {
          String k = hebrewStem(c);
          if (!keys.contains(k)) {
            keys.add(k);
          }
        }
        return keys;
      }
      default -> {
        return List.of(stem(lang, stripElision(lang, normalizedToken)));
      }
    }
  }

  /** Surface forms (no stemming) a wildcard prefix is tested against. */
  public static List<String> surfaces(String lang, String normalizedToken) {
    return switch (lang) {
      case "ar" -> arabicCandidates(normalizedToken);
      case "he" -> hebrewCandidates(normalizedToken).stream().map(WordForms::hebrewFinals).toList();
      default -> List.of(stripElision(lang, normalizedToken));
    };
  }

  /** The form a wildcard word's prefix is compared in. */
  public static String wildcardPrefix(String lang, String normalizedPrefix) {
    return switch (lang) {
      case "ar" -> arabicNormalize(normalizedPrefix);
      case "he" -> hebrewFinals(normalizedPrefix);
      default -> stripElision(lang, normalizedPrefix);
    };
  }

  private static String stem(String lang, String w) {
    return switch (lang) {
      case "en" -> englishStem(w);
      // The light stemmer leaves -n plurals (Geiseln); the minimal one after it folds them.
      case "de" -> apply(DE_MINIMAL::stem, apply(DE::stem, germanGenitive(w.replace("ß", "ss"))));
      case "fr" -> frenchStem(w);
      case "es" -> apply(ES::stem, spanishPlural(w));
      case "it" -> apply(IT::stem, w);
      case "pt" -> apply(PT::stem, w);
      case "ru" -> slavicCanonical(russianStem(w.replace('ё', 'е')));
      case "uk" -> slavicCanonical(ukrainianStem(w));
      default -> w;
    };
  }

  private interface CharStemmer {
    int stem(char[] s, int len);
  }

  private static String apply(CharStemmer stemmer, String w) {
    char[] chars = w.toCharArray();
    int len = stemmer.stem(chars, chars.length);
    return new String(chars, 0, len);
  }

  private static String englishStem(String w) {
    String s = w;
    if (s.endsWith("'s")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("'")) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("ees") && s.length() > 5) {
      return s.substring(0, s.length() - 1); // detainees, refugees: the minimal stemmer keeps them
    }
    return apply(EN::stem, s);
  }

  private static String stripElision(String lang, String w) {
    Set<String> elisions =
        switch (lang) {
          case "fr" -> FRENCH_ELISIONS;
          case "it" -> ITALIAN_ELISIONS;
          default -> null;
        };
    if (elisions == null) {
      return w;
    }
    int apos = w.indexOf('\'');
    if (apos > 0 && apos < w.length() - 1 && elisions.contains(w.substring(0, apos))) {
      return w.substring(apos + 1);
    }
    return w;
  }

  private static String russianStem(String w) {
    String stem = apply(RU::stem, w);
    // The light stemmer reads noun endings such as -им in "режим" as case endings; a stem this
    // short is more often wrong than right.
    if (stem.length() < 4 && w.length() > stem.length()) {
      char last = w.charAt(w.length() - 1);
      return "аеиоуыэюяйь".indexOf(last) >= 0 ? w.substring(0, w.length() - 1) : w;
    }
    return stem;
  }

  /**
   * Folds the fleeting vowel of Slavic nouns (поселенец/поселенцев, борец/борца, в'язень/в'язнів)
   * so every form of the word has one key.
   */
  private static String slavicCanonical(String stem) {
    String s =
        stem.endsWith("ь") && stem.length() > 3 ? stem.substring(0, stem.length() - 1) : stem;
    // боец / бойца, заяц / зайца, паёк / пайка: a fleeting е or о after a vowel becomes й in the
    // other forms.
    if (s.length() >= 4
        && (s.endsWith("ец") || s.endsWith("ок") || s.endsWith("ек"))
        && "аеиоуыэюяєії".indexOf(s.charAt(s.length() - 3)) >= 0) {
      return s.substring(0, s.length() - 2) + "й" + s.charAt(s.length() - 1);
    }
    if (s.length() > 4) {
      if (s.endsWith("ец") || s.endsWith("ок") || s.endsWith("ек") || s.endsWith("ен")) {
        return s.substring(0, s.length() - 2) + s.charAt(s.length() - 1);
      }
    }
    return s;
  }

  /**
   * Folds what the German stemmers leave of the genitive singular and of -nis nouns. The light
   * stemmer removes a genitive -s only after the letters it knows for it, not after r, and the
   * minimal one then takes the -s where it takes the -r of the base form (Korridor becomes korrido,
   * Korridors korridor): here -ers, -ors, -ars and -eurs lose their s first (Korridors, Siedlers,
   * Massakers, Katars, Akteurs). -urs after a consonant is a base form ending in s (Kurs, Diskurs,
   * Konkurs) and keeps it, as do words of five letters or fewer (Vers, Mars). -nis doubles its s
   * before an ending (Bündnisses, Gefängnisse): the base form's single s is restored. Other
   * genitives (-es, -s after other letters) the light stemmer already removes, and base forms
   * ending in s (Prozess, Kreis, Terrorismus) keep their s.
   */
  private static String germanGenitive(String w) {
    int n = w.length();
    if (n > 5 && w.charAt(n - 1) == 's' && w.charAt(n - 2) == 'r') {
      char v = w.charAt(n - 3);
      if (v == 'e' || v == 'o' || v == 'a' || (v == 'u' && w.charAt(n - 4) == 'e')) {
        return w.substring(0, n - 1);
      }
    }
    int niss = w.lastIndexOf("niss");
    if (niss > 2 && niss + 4 < n && n - niss <= 7) {
      String ending = w.substring(niss + 4);
      if (ending.equals("e") || ending.equals("es") || ending.equals("en")) {
        return w.substring(0, niss + 3) + ending;
      }
    }
    return w;
  }

  /**
   * Plurals the Spanish light stemmer does not fold to its singular's key: a four-letter singular
   * it leaves whole while it strips the plural (alto/altos, of altos el fuego), and the plural -ys
   * of words in -y beside -yes (convoy: convoyes, convoys).
   */
  private static String spanishPlural(String w) {
    int n = w.length();
    if (n == 5 && w.charAt(4) == 's' && "aeo".indexOf(w.charAt(3)) >= 0) {
      return w.substring(0, 4);
    }
    if (n > 3 && w.endsWith("ys")) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static String frenchStem(String w) {
    String stem = apply(FR::stem, w);
    String singular = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    if (singular.endsWith("onne") && stem.endsWith("on")) {
      return stem + "n"; // colonne is not colon
    }
    if (stem.endsWith("iv")) {
      return stem.substring(0, stem.length() - 2) + "if"; // captive(s) ~ captif(s)
    }
    return stem;
  }

  private static String ukrainianStem(String w) {
    String s = w.replace('\'', '\u02BC');
    for (String ending : UKRAINIAN_ENDINGS) {
      if (s.endsWith(ending) && s.length() - ending.length() >= 3) {
        s = s.substring(0, s.length() - ending.length());
        break;
      }
    }
    // територія / територій / території: a stem-final і or ї belongs to the ending
    if (s.length() > 4 && (s.endsWith("і") || s.endsWith("ї"))) {
      s = s.substring(0, s.length() - 1);
    }
    // Neuter nouns in -ння/-ття write one н/т in the genitive plural (захоплення/захоплень,
    // взяття/взять): the doubled consonant is folded.
    if (s.length() > 4 && (s.endsWith("нн") || s.endsWith("тт"))) {
      s = s.substring(0, s.length() - 1);
    }
    // боєць / бійця, бійці: the fleeting є after о becomes ій in every other form.
    if (s.length() >= 4 && s.endsWith("оєц")) {
      s = s.substring(0, s.length() - 3) + "ійц";
    }
    return s;
  }

  private static String arabicNormalize(String w) {
    char[] chars = w.toCharArray();
    int len = AR_NORM.normalize(chars, chars.length);
    return new String(chars, 0, len);
  }

  /**
   * Removes suffixes with Lucene's Arabic stemmer, unless that leaves fewer than three letters
   * (سجون "prisons" and سجين "prisoner" would both become سج), or the word ended in alef maqsura
   * (ى, which Lucene's normaliser makes ي, a suffix to its stemmer) and only three letters would
   * remain: the ى of a broken plural is the word's (أسرى "prisoners" is not أسرة "family", قتلى
   * "the killed" is not قتل "killing"; all would be اسر / قتل otherwise). Prefixes are not stemmed
   * here: a lexicon term is written without clitics, and the text's clitics are removed by {@link
   * #arabicCandidates}.
   */
  private static String arabicStem(String normalized, boolean maqsura) {
    char[] chars = normalized.toCharArray();
    int len = AR.stemSuffix(chars, chars.length);
    if (len < 3 || (maqsura && len == 3 && chars.length - len == 1)) {
      return normalized;
    }
    return new String(chars, 0, len);
  }

  /** A lexicon word: normalised, without an article the researcher may have written. */
  private static String arabicTermKey(String word) {
    String w = arabicNormalize(word);
    if (w.startsWith("ال") && w.length() > 4) {
      w = w.substring(2);
    }
    return arabicStem(w, word.endsWith("ى"));
  }

  /**
   * The token and the token without its proclitics: conjunction و/ف, then preposition ب/ك/ل, then
   * the article ال ("لل" is ل with the article's alef dropped).
   */
  private static List<String> arabicCandidates(String token) {
    String base = arabicNormalize(token);
    Set<String> out = new LinkedHashSet<>();
    List<String> level = new ArrayList<>();
    level.add(base);
    if (base.length() > 3 && (base.charAt(0) == 'و' || base.charAt(0) == 'ف')) {
      level.add(base.substring(1));
    }
    List<String> withPreposition = new ArrayList<>(level);
    for (String c : level) {
      if (c.length() > 3 && (c.charAt(0) == 'ب' || c.charAt(0) == 'ل' || c.charAt(0) == 'ك')) {
        String rest = c.substring(1);
        if (c.charAt(0) == 'ل' && rest.startsWith("ل") && rest.length() > 3) {
          withPreposition.add("ا" + rest); // لل + word = ل + ال + word
        }
        withPreposition.add(rest);
      }
    }
    for (String c : withPreposition) {
      out.add(c);
      if (c.startsWith("ال") && c.length() > 4) {
        out.add(c.substring(2));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The token, and the token without up to four leading prefix letters (ו ה ב כ ל מ ש), also when a
   * quotation opens after them (ש"הסיוע: prefix ש, quote, article ה).
   */
  private static List<String> hebrewCandidates(String token) {
    List<String> out = new ArrayList<>(4);
    out.add(token);
    int i = 0;
    int letters = 0;
    boolean quote = false;
    while (i < token.length() && letters < 4) {
      char c = token.charAt(i);
      if (c == '"' && letters > 0 && !quote) {
        quote = true;
        i++;
        continue;
      }
      if (HEBREW_PREFIX_LETTERS.indexOf(c) < 0) {
        break;
      }
      i++;
      letters++;
      String rest = token.substring(i);
      if (rest.startsWith("\"")) {
        rest = rest.substring(1);
      }
      if (hebrewLetters(rest) < 2) {
        break;
      }
      out.add(rest);
    }
    return out;
  }

  private static int hebrewLetters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x05D0 && c <= 0x05EA) {
        n++;
      }
    }
    return n;
  }

  /** Final letter forms to their regular forms, so suffixes can be compared. */
  private static String hebrewFinals(String w) {
    return w.replace('ם', 'מ')
        .replace('ן', 'נ')
        .replace('ץ', 'צ')
        .replace('ף', 'פ')
        .replace('ך', 'כ');
  }

  /**
   * Strips plural (ים, ות), then feminine (ה, ת), then the construct-state plural or adjective
   * ending י, keeping 3 letters. The י of a word ending in וי is its own (שבוי "captive", its
   * plural שבויים, its construct plural שבויי): stripping it would make שבוי the verb שבו
   * ("returned").
   */
  private static String hebrewStem(String w) {
    String s = hebrewFinals(w);
    if ((s.endsWith("ימ") || s.endsWith("ות")) && s.length() - 2 >= 3) {
      s = s.substring(0, s.length() - 2);
    }
    if ((s.endsWith("ה") || s.endsWith("ת")) && s.length() - 1 >= 3) {
      s = s.substring(0, s.length() - 1);
    }
    if (s.endsWith("י") && s.length() - 1 >= 3 && !s.endsWith("וי")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}

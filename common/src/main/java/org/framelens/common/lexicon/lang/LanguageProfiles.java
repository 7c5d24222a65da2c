package org.framelens.common.lexicon.lang;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import morfologik.stemming.WordData;
import morfologik.stemming.polish.PolishStemmer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianStemmer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemmer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.el.GreekStemmer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fa.PersianNormalizer;
import org.apache.lucene.analysis.fa.PersianStemmer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemmer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizer;
import org.apache.lucene.analysis.hi.HindiStemmer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianLightStemmer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianStemmer;
import org.apache.lucene.analysis.in.IndicNormalizer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemmer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemmer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemmer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.framelens.common.lexicon.Voice;
import org.framelens.common.lexicon.WordForms;
import org.framelens.common.lexicon.cjk.CjkSegmenters;
import org.framelens.common.lexicon.cjk.SegmentedWord;
import org.framelens.common.lexicon.cjk.WordSegmenter;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.RomanianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;

/**
 * The language profiles by ISO 639-1 code. Each profile lives in a holder class of its own, so the
 * JVM initialises it (and loads its stemmer tables and dictionaries) the first time a word of that
 * language is read, once per JVM (executor), thread-safely, with no state set from the driver.
 * Languages without a profile get {@link SurfaceProfile}: normalised surface form, exact match.
 */
public final class LanguageProfiles {
  private LanguageProfiles() {}

  /** Minimum stem length for the stemmers below: shorter stems are where unrelated words meet. */
  static final int MIN_KEY = 3;

  /** The profile of {@code lang}. */
  public static LanguageProfile of(String lang) {
    return switch (lang) {
      case "en" -> Bundled.EN;
      case "de" -> Bundled.DE;
      case "fr" -> Bundled.FR;
      case "es" -> Bundled.ES;
      case "ru" -> Bundled.RU;
      case "uk" -> Bundled.UK;
      case "ar" -> Bundled.AR;
      case "he" -> Bundled.HE;
      case "it" -> Italian.PROFILE;
      case "pt" -> Portuguese.PROFILE;
      case "pl" -> Polish.PROFILE;
      case "tr" -> Turkish.PROFILE;
      case "id" -> Indonesian.PROFILE;
      case "fa" -> Persian.PROFILE;
      case "nl" -> Light.NL;
      case "sv" -> Light.SV;
      case "da" -> Light.DA;
      case "no", "nb", "nn" -> Light.NO;
      case "fi" -> Light.FI;
      case "cs" -> Light.CS;
      case "ro" -> Light.RO;
      case "hu" -> Light.HU;
      case "bg" -> Light.BG;
      case "el" -> Greek.PROFILE;
      case "hi" -> Hindi.PROFILE;
      case "zh", "ja", "ko" -> Cjk.of(lang);
      default -> new SurfaceProfile(lang);
    };
  }

  /** Whether {@code lang} has rules of its own (a term in a language without is warned about). */
  public static boolean hasRules(String lang) {
    return of(lang).hasRules();
  }

  private static final class Bundled {
    static final LanguageProfile EN =
        new BundledProfile("en", StemProfile.memo(() -> n(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    static final LanguageProfile DE =
        new BundledProfile("de", StemProfile.memo(() -> n(GermanAnalyzer.getDefaultStopSet())));
    static final LanguageProfile FR =
        new BundledProfile("fr", StemProfile.memo(() -> n(FrenchAnalyzer.getDefaultStopSet())));
    static final LanguageProfile ES =
        new BundledProfile("es", StemProfile.memo(() -> n(SpanishAnalyzer.getDefaultStopSet())));
    static final LanguageProfile RU =
        new BundledProfile("ru", StemProfile.memo(() -> n(RussianAnalyzer.getDefaultStopSet())));
    static final LanguageProfile UK = new BundledProfile("uk", Set::of);
    static final LanguageProfile AR =
        new BundledProfile("ar", StemProfile.memo(() -> n(ArabicAnalyzer.getDefaultStopSet())));
    static final LanguageProfile HE = new BundledProfile("he", Set::of);

    private static Set<String> n(CharArraySet s) {
      return StemProfile.normalized(s);
    }
  }

  /** Stemmer-only profiles of further European languages (and Bulgarian). */
  private static final class Light {
    static final LanguageProfile NL =
        new StemProfile(
            "nl",
            StemProfile.snowball(DutchStemmer::new),
            MIN_KEY,
            DutchAnalyzer::getDefaultStopSet);
    static final LanguageProfile SV =
        new StemProfile(
            "sv",
            StemProfile.light(new SwedishLightStemmer()::stem),
            MIN_KEY,
            SwedishAnalyzer::getDefaultStopSet);
    static final LanguageProfile DA =
        new StemProfile(
            "da",
            StemProfile.snowball(DanishStemmer::new),
            MIN_KEY,
            DanishAnalyzer::getDefaultStopSet);
    static final LanguageProfile NO =
        new StemProfile(
            "no",
            StemProfile.light(
                new NorwegianLightStemmer(
                        NorwegianLightStemmer.BOKMAAL | NorwegianLightStemmer.NYNORSK)
                    ::stem),
            MIN_KEY,
            NorwegianAnalyzer::getDefaultStopSet);
    static final LanguageProfile FI =
        new StemProfile(
            "fi",
            StemProfile.light(new FinnishLightStemmer()::stem),
            MIN_KEY,
            FinnishAnalyzer::getDefaultStopSet);
    static final LanguageProfile CS =
        new StemProfile(
            "cs",
            StemProfile.light(new CzechStemmer()::stem),
            MIN_KEY,
            CzechAnalyzer::getDefaultStopSet);
    static final LanguageProfile RO =
        new StemProfile(
            "ro",
            StemProfile.snowball(RomanianStemmer::new),
            MIN_KEY,
            RomanianAnalyzer::getDefaultStopSet);
    static final LanguageProfile HU =
        new StemProfile(
            "hu",
            StemProfile.light(new HungarianLightStemmer()::stem),
            MIN_KEY,
            HungarianAnalyzer::getDefaultStopSet);
    static final LanguageProfile BG =
        new StemProfile(
            "bg",
            StemProfile.light(new BulgarianStemmer()::stem),
            MIN_KEY,
            BulgarianAnalyzer::getDefaultStopSet);
  }

  /** Italian: elision (l' dell' all' dall' nell' sull' un' ...), then ItalianLightStemmer. */
  private static final class Italian {
    static final Set<String> ELISIONS =
        Set.of(
            "l", "d", "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "quell", "quest",
            "c", "m", "s", "t", "v", "gl", "tutt", "nessun", "buon", "bell", "sant", "ch", "dov",
            "com", "cos", "anch", "quant", "qual", "senz", "mezz", "po");
    static final LanguageProfile PROFILE =
        new StemProfile(
            "it",
            StemProfile.light(new ItalianLightStemmer()::stem),
            MIN_KEY,
            ItalianAnalyzer::getDefaultStopSet) {
          @Override
          String base(String w) {
            return stripElision(w, ELISIONS);
          }
        };
  }

  static String stripElision(String w, Set<String> elisions) {
    int apos = w.indexOf('\'');
    if (apos > 0 && apos < w.length() - 1 && elisions.contains(w.substring(0, apos))) {
      return w.substring(apos + 1);
    }
    return w;
  }

  /**
   * Portuguese: a contraction of a preposition and an article (do, da, dos, das, no, na, nos, nas,
   * num, numa, pelo, pela, ao, à ...) has the key of its preposition, so a term written with {@code
   * de} matches the text's {@code dos} ("troca de prisioneiros" / "troca dos prisioneiros"); then
   * PortugueseLightStemmer.
   */
  private static final class Portuguese {
    static final Map<String, String> CONTRACTIONS =
        Map.ofEntries(
            Map.entry("do", "de"),
            Map.entry("da", "de"),
            Map.entry("dos", "de"),
            Map.entry("das", "de"),
            Map.entry("dum", "de"),
            Map.entry("duma", "de"),
            Map.entry("no", "em"),
            Map.entry("na", "em"),
            Map.entry("nos", "em"),
            Map.entry("nas", "em"),
            Map.entry("num", "em"),
            Map.entry("numa", "em"),
            Map.entry("nuns", "em"),
            Map.entry("numas", "em"),
            Map.entry("pelo", "por"),
            Map.entry("pela", "por"),
            Map.entry("pelos", "por"),
            Map.entry("pelas", "por"),
            Map.entry("ao", "a"),
            Map.entry("aos", "a"),
            Map.entry("à", "a"),
            Map.entry("às", "a"));
    static final LanguageProfile PROFILE =
        new StemProfile(
            "pt",
            StemProfile.light(new PortugueseLightStemmer()::stem),
            MIN_KEY,
            PortugueseAnalyzer::getDefaultStopSet) {
          @Override
          String base(String w) {
            return CONTRACTIONS.getOrDefault(w, w);
          }
        };
  }

  /**
   * Polish: lemmas from Morfologik's Polish dictionary (the one lucene-analysis-morfologik uses). A
   * text word's keys are all its lemmas (więźniów → więzień; więzień is also a form of więzienie
   * "prison", so both); a lexicon word's key is the word itself when it is one of its own lemmas (a
   * base form), else its first lemma. So the prisoner (więzień) does not match the prison
   * (więzieniu). A word the dictionary does not know is its own key.
   */
  private static final class Polish {
    static final ThreadLocal<PolishStemmer> STEMMER = ThreadLocal.withInitial(PolishStemmer::new);

    static List<String> lemmas(String w) {
      List<String> out = new ArrayList<>(2);
      for (WordData d : STEMMER.get().lookup(w)) {
        CharSequence stem = d.getStem();
        if (stem != null) {
          String l = stem.toString().toLowerCase(Locale.ROOT);
          if (!out.contains(l)) {
            out.add(l);
          }
        }
      }
      return out;
    }

    static final LanguageProfile PROFILE =
        new StemProfile("pl", w -> w, MIN_KEY, () -> CharArraySet.EMPTY_SET) {
          /**
           * The word when it is a base form; else its first noun or adjective lemma (osiedla:
           * osiedle, not the verb osiedlać), else its first lemma.
           */
          @Override
          public String termKey(String w) {
            String first = null;
            for (WordData d : STEMMER.get().lookup(w)) {
              if (d.getStem() == null) {
                continue;
              }
              String l = d.getStem().toString().toLowerCase(Locale.ROOT);
              if (l.equals(w)) {
                return w;
              }
              String tag = d.getTag() == null ? "" : d.getTag().toString();
              if (first == null && (tag.startsWith("subst") || tag.startsWith("adj"))) {
                first = l;
              }
            }
            if (first != null) {
              return first;
            }
            List<String> l = lemmas(w);
            return l.isEmpty() ? w : l.get(0);
          }

          @Override
          public List<String> textKeys(String w) {
            List<String> l = lemmas(w);
            if (l.isEmpty()) {
              return List.of(w);
            }
            if (!l.contains(w)) {
              l.add(w);
            }
            return l;
          }
        };
  }

  /**
   * Turkish: case folding by Turkish rules (İ → i, I → ı: TurkishLowerCaseFilter's semantics, by
   * the JDK's Turkish locale), the suffixes after an apostrophe on proper nouns removed
   * (ApostropheFilter: Ankara'da, Hamas'ın), then the Snowball Turkish stemmer (noun suffixes).
   */
  private static final class Turkish {
    static final Locale TR = Locale.forLanguageTag("tr");

    /**
     * A capital I of the text, kept apart by normalisation: Turkish reads it as ı, but all-caps
     * headlines typed without the Turkish keyboard write I for İ too (SILAHLI for SİLAHLI), so the
     * text's word is read both ways.
     */
    static final char CAPITAL_I = '\uE049';

    static final UnaryOperator<String> SNOWBALL = StemProfile.snowball(TurkishStemmer::new);

    /**
     * The Snowball Turkish stemmer removes one layer of suffixes per call (rehineler → rehine →
     * reh): it is applied until it changes nothing, so every form of a word reaches the same key;
     * then a final vowel left of a possessive or accusative, and the buffer s of the third person
     * possessive (saldırısı), go, and a final softened consonant (kanadı → kanad) is hardened.
     */
    static String key(String w) {
      String s = w;
      // the comitative -la/-le (terörizmle), which the stemmer leaves, on longer words only
      if (s.length() >= 7 && (s.endsWith("le") || s.endsWith("la"))) {
        s = s.substring(0, s.length() - 2);
      }
      for (int i = 0; i < 5; i++) {
        String t = SNOWBALL.apply(s);
        if (t.equals(s) || t.length() < 4) {
          break; // a stem under four letters is where unrelated words meet (saldırı → sal)
        }
        s = t;
      }
      int n = s.length();
      if (n >= 5 && s.charAt(n - 1) == 'y' && "aeıioöuü".indexOf(s.charAt(n - 2)) >= 0) {
        s = s.substring(0, --n); // konvoy / konvoyu: the buffer y before a vowel suffix
      }
      if (n >= 5 && "ıiuü".indexOf(s.charAt(n - 1)) >= 0) {
        s = s.substring(0, --n);
      }
      if (n >= 5 && s.charAt(n - 1) == 's' && "ıiuü".indexOf(s.charAt(n - 2)) >= 0) {
        s = s.substring(0, n - 2);
        n -= 2;
      }
      if (n >= 4) {
        char last = s.charAt(n - 1);
        char hard =
            switch (last) {
              case 'd' -> 't';
              case 'b' -> 'p';
              case 'c' -> 'ç';
              case 'ğ' -> 'k';
              default -> last;
            };
        s = s.substring(0, n - 1) + hard;
      }
      return s;
    }

    static final LanguageProfile PROFILE =
        new StemProfile("tr", Turkish::key, MIN_KEY, TurkishAnalyzer::getDefaultStopSet) {
          @Override
          public boolean commonNormalization() {
            return false;
          }

          @Override
          public String normalize(String word) {
            StringBuilder b = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
              char c = word.charAt(i);
              b.append(c == 'I' ? CAPITAL_I : c);
            }
            return WordForms.normalize(b.toString().toLowerCase(TR));
          }

          @Override
          public String termKey(String w) {
            return super.termKey(w.replace(CAPITAL_I, 'ı'));
          }

          @Override
          public List<String> textKeys(String w) {
            List<String> keys = new ArrayList<>(2);
            for (String v : readings(w)) {
              String k = key(v);
              if (!keys.contains(k)) {
                keys.add(k);
              }
            }
            return keys;
          }

          @Override
          public List<String> surfaces(String w) {
            List<String> out = new ArrayList<>(2);
            for (String v : readings(w)) {
              out.add(base(v));
            }
            return out;
          }

          @Override
          public String wildcardPrefix(String w) {
            return base(w.replace(CAPITAL_I, 'ı'));
          }

          /** The word with each capital I read as ı and as i (at most 3 of them: 8 readings). */
          List<String> readings(String w) {
            int count = 0;
            for (int i = 0; i < w.length(); i++) {
              if (w.charAt(i) == CAPITAL_I) {
                count++;
              }
            }
            if (count == 0) {
              return List.of(w);
            }
            if (count > 3) {
              return List.of(w.replace(CAPITAL_I, 'ı'), w.replace(CAPITAL_I, 'i'));
            }
            List<String> out = new ArrayList<>(1 << count);
            for (int mask = 0; mask < (1 << count); mask++) {
              StringBuilder b = new StringBuilder(w.length());
              int bit = 0;
              for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c == CAPITAL_I) {
                  b.append((mask >> bit++ & 1) == 0 ? 'ı' : 'i');
                } else {
                  b.append(c);
                }
              }
              out.add(b.toString());
            }
            return out;
          }

          @Override
          String base(String w) {
            int apos = w.indexOf('\'');
            return apos > 0 ? w.substring(0, apos) : w;
          }
        };
  }

  /**
   * Indonesian: Lucene's IndonesianStemmer (particles -lah -kah -tah -pun, possessives -ku -mu
   * -nya, and the derivational prefixes and suffixes me- pe- di- ber- ter- ke- -an -kan -i); a
   * reduplicated plural (kata-kata, sandera-sandera, also with a clitic: kata-katanya) is one word.
   */
  private static final class Indonesian {
    static final ThreadLocal<IndonesianStemmer> STEMMER =
        ThreadLocal.withInitial(IndonesianStemmer::new);
    static final Set<String> CLITICS = Set.of("", "nya", "lah", "kah", "pun", "ku", "mu");
    static final LanguageProfile PROFILE =
        new StemProfile(
            "id",
            w -> {
              char[] c = w.toCharArray();
              return new String(c, 0, STEMMER.get().stem(c, c.length, true));
            },
            MIN_KEY,
            IndonesianAnalyzer::getDefaultStopSet) {
          @Override
          public WordSplitter newSplitter(WordSplitter standard) {
            return text -> reduplicated(text, standard.tokenize(text));
          }
        };

    static List<WordToken> reduplicated(String text, List<WordToken> toks) {
      List<WordToken> out = new ArrayList<>(toks.size());
      for (int i = 0; i < toks.size(); i++) {
        WordToken a = toks.get(i);
        if (i + 1 < toks.size()) {
          WordToken b = toks.get(i + 1);
          if (b.start() == a.end() + 1 && isHyphen(text.charAt(a.end()))) {
            String x = a.text().toLowerCase(Locale.ROOT);
            String y = b.text().toLowerCase(Locale.ROOT);
            if (y.startsWith(x) && CLITICS.contains(y.substring(x.length()))) {
              out.add(new WordToken(b.text(), a.start(), b.end()));
              i++;
              continue;
            }
          }
        }
        out.add(a);
      }
      return out;
    }

    static boolean isHyphen(char c) {
      return c == '-' || c == '\u2010' || c == '\u2011';
    }
  }

  /**
   * Persian: Arabic and Persian normalisers (Arabic yeh and kaf to one form, heh variants, hamza
   * above removed), Persian and Arabic-Indic digits to ASCII, then Lucene's PersianStemmer (plural
   * ها/ان/ات, the ی of ezafe and of adjectives, possessives). A ZWNJ inside a word is removed
   * before tokenising (ZWNJ = nothing); a plural or possessive suffix written after a space (کتاب
   * ها) is joined to the word before it.
   */
  private static final class Persian {
    static final ArabicNormalizer AR = new ArabicNormalizer();
    static final PersianNormalizer FA = new PersianNormalizer();
    static final PersianStemmer STEM = new PersianStemmer();
    static final Set<String> DETACHED =
        Set.of(
            "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاي",
            "هائي");
    static final LanguageProfile PROFILE =
        new StemProfile(
            "fa", StemProfile.light(STEM::stem), 2, PersianAnalyzer::getDefaultStopSet) {
          @Override
          public boolean commonNormalization() {
            return false;
          }

          @Override
          public String normalize(String word) {
            char[] c = WordForms.normalize(word).toCharArray();
            int len = AR.normalize(c, c.length);
            len = FA.normalize(c, len);
            for (int i = 0; i < len; i++) {
              if (c[i] >= '\u06F0' && c[i] <= '\u06F9') {
                c[i] = (char) ('0' + c[i] - '\u06F0');
              } else if (c[i] >= '\u0660' && c[i] <= '\u0669') {
                c[i] = (char) ('0' + c[i] - '\u0660');
              }
            }
            return new String(c, 0, len);
          }

          @Override
          public WordSplitter newSplitter(WordSplitter standard) {
            return text -> detached(text, standard.tokenize(text));
          }
        };

    static List<WordToken> detached(String text, List<WordToken> toks) {
      List<WordToken> out = new ArrayList<>(toks.size());
      for (WordToken t : toks) {
        if (!out.isEmpty() && DETACHED.contains(t.text())) {
          WordToken prev = out.get(out.size() - 1);
          if (t.start() - prev.end() == 1 && Character.isWhitespace(text.charAt(prev.end()))) {
            out.set(out.size() - 1, new WordToken(prev.text() + t.text(), prev.start(), t.end()));
            continue;
          }
        }
        out.add(t);
      }
      return out;
    }
  }

  /**
   * Greek: accents (tonos, dialytika) removed and final sigma folded (GreekLowerCaseFilter's
   * semantics), then Lucene's GreekStemmer.
   */
  private static final class Greek {
    static final GreekStemmer STEM = new GreekStemmer();
    static final LanguageProfile PROFILE =
        new StemProfile(
            "el", StemProfile.light(STEM::stem), MIN_KEY, GreekAnalyzer::getDefaultStopSet) {
          @Override
          public boolean commonNormalization() {
            return false;
          }

          @Override
          public String normalize(String word) {
            String d = Normalizer.normalize(WordForms.normalize(word), Normalizer.Form.NFD);
            StringBuilder b = new StringBuilder(d.length());
            for (int i = 0; i < d.length(); i++) {
              char c = d.charAt(i);
              if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c == 'ς' ? 'σ' : c);
              }
            }
            return b.toString();
          }
        };
  }

  /** Hindi: IndicNormalizer and HindiNormalizer, then Lucene's HindiStemmer. */
  private static final class Hindi {
    static final IndicNormalizer INDIC = new IndicNormalizer();
    static final HindiNormalizer NORM = new HindiNormalizer();
    static final HindiStemmer STEM = new HindiStemmer();
    static final LanguageProfile PROFILE =
        new StemProfile("hi", StemProfile.light(STEM::stem), 2, HindiAnalyzer::getDefaultStopSet) {
          @Override
          public boolean commonNormalization() {
            return false;
          }

          @Override
          public String normalize(String word) {
            char[] c = WordForms.normalize(word).toCharArray();
            int len = INDIC.normalize(c, c.length);
            len = NORM.normalize(c, len);
            return new String(c, 0, len);
          }
        };
  }

  /**
   * Chinese, Japanese, Korean: words found by the {@code cjk} segmenters (smartcn with traditional
   * → simplified keys; kuromoji with base forms and width folding), which also key the lexicon's
   * terms, so a two-character term is not found inside a longer word; corner-bracket quotation
   * marks. A segmenter's dictionary loads the first time a paragraph of its language is tagged.
   */
  private static final class Cjk {
    static final LanguageProfile ZH = new CjkProfile("zh", CjkSegmenters::chinese);
    static final LanguageProfile JA = new CjkProfile("ja", CjkSegmenters::japanese);
    static final LanguageProfile KO = new CjkProfile("ko", null);

    static LanguageProfile of(String lang) {
      return switch (lang) {
        case "zh" -> ZH;
        case "ja" -> JA;
        default -> KO;
      };
    }
  }

  private static final class CjkProfile implements LanguageProfile {
    private final String lang;
    private final Supplier<WordSegmenter> segmenter;

    /** {@code segmenter} null: the standard tokenizer, surface keys. */
    CjkProfile(String lang, Supplier<WordSegmenter> segmenter) {
      this.lang = lang;
      this.segmenter = segmenter;
    }

    @Override
    public String lang() {
      return lang;
    }

    @Override
    public WordSplitter newSplitter(WordSplitter standard) {
      if (segmenter == null) {
        return standard;
      }
      WordSegmenter seg = segmenter.get();
      return text -> {
        List<SegmentedWord> words = seg.segment(text);
        List<WordToken> out = new ArrayList<>(words.size());
        for (SegmentedWord w : words) {
          out.add(new WordToken(w.surface(), w.start(), w.end(), w.keys()));
        }
        return out;
      };
    }

    @Override
    public List<String> termPath(String term) {
      if (segmenter == null) {
        return null;
      }
      return segmenter.get().termPath(term);
    }

    @Override
    public String termKey(String normalizedWord) {
      return normalizedWord;
    }

    @Override
    public List<String> textKeys(String normalizedToken) {
      return List.of(normalizedToken);
    }

    @Override
    public boolean[] quotedChars(String paragraph) {
      return Voice.quotedChars(paragraph, true);
    }
  }

  static UnaryOperator<String> identity() {
    return w -> w;
  }
}

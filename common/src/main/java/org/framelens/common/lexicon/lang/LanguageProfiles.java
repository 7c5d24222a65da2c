package org.framelens.common.lexicon.lang;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemmer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
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
    if (lang == null) {
      return new SurfaceProfile("und");
    }
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
            StemProfile.snowball(org.tartarus.snowball.ext.SwedishStemmer::new),
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
            StemProfile.snowball(org.tartarus.snowball.ext.NorwegianStemmer::new),
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

    /** Romanian: s and t with cedilla (ş ţ, legacy encodings) are the comma-below letters ș ț. */
    static final UnaryOperator<String> RO_SNOWBALL = StemProfile.snowball(RomanianStemmer::new);

    static final LanguageProfile RO =
        new StemProfile(
            "ro",
            w -> RO_SNOWBALL.apply(w.replace('ş', 'ș').replace('ţ', 'ț')),
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

  /**
   * Italian. An elided article or preposition (l' d' dell' all' dall' nell' sull' un' ...) is a
   * word of its own (the splitter cuts the token after the apostrophe), and every articulated
   * preposition has the key of its preposition (dei, degli, della, dell' → di; nel, nella → in; al,
   * all' → a ...), so "scambio di prigionieri" matches "scambio dei prigionieri" and "forza di
   * occupazione" matches "forze d'occupazione". Then ItalianLightStemmer, with two guards: a noun
   * in -ia/-ie keeps an i (prigionia is not prigione, colonia is not colono), and a five-letter
   * word the stemmer leaves whole loses its final vowel (aiuto/aiuti).
   */
  private static final class Italian {
    static final Set<String> ELISIONS =
        Set.of(
            "l", "d", "un", "dell", "dall", "nell", "sull", "all", "coll", "pell", "quell", "quest",
            "c", "m", "s", "t", "v", "gl", "tutt", "nessun", "buon", "bell", "sant", "ch", "dov",
            "com", "cos", "anch", "quant", "qual", "senz", "mezz", "po");
    static final Map<String, String> PREPOSITIONS = prepositions();

    static Map<String, String> prepositions() {
      Map<String, String> m = new java.util.HashMap<>();
      String[][] groups = {
        {"di", "d", "del", "dello", "della", "dell", "dei", "degli", "delle"},
        {"a", "al", "allo", "alla", "all", "ai", "agli", "alle"},
        {"da", "dal", "dallo", "dalla", "dall", "dai", "dagli", "dalle"},
        {"in", "nel", "nello", "nella", "nell", "nei", "negli", "nelle"},
        {"su", "sul", "sullo", "sulla", "sull", "sui", "sugli", "sulle"},
        {"con", "col", "coll", "coi"},
        {"per", "pel", "pell"}
      };
      for (String[] g : groups) {
        for (String f : g) {
          m.put(f, g[0]);
        }
      }
      return Map.copyOf(m);
    }

    static final ItalianLightStemmer LIGHT = new ItalianLightStemmer();

    static String stem(String w) {
      char[] c = w.toCharArray();
      String s = new String(c, 0, LIGHT.stem(c, c.length));
      int n = w.length();
      if (n > 5 && (w.endsWith("ia") || w.endsWith("ie")) && s.length() == n - 2) {
        return s + "i";
      }
      if (n == 5 && s.equals(w) && "aeio".indexOf(w.charAt(4)) >= 0) {
        return w.substring(0, 4);
      }
      return s;
    }

    static final LanguageProfile PROFILE =
        new StemProfile("it", Italian::stem, MIN_KEY, ItalianAnalyzer::getDefaultStopSet) {
          @Override
          String base(String w) {
            String x = w.endsWith("'") ? w.substring(0, w.length() - 1) : stripElision(w, ELISIONS);
            return PREPOSITIONS.getOrDefault(x, x);
          }

          @Override
          public WordSplitter newSplitter(WordSplitter standard) {
            return text -> splitElisions(standard.tokenize(text), ELISIONS);
          }
        };
  }

  /**
   * Cuts an elided word (l'ostaggio) into two words: the elided word with its apostrophe, and the
   * rest, whose offsets span the whole token.
   */
  static List<WordToken> splitElisions(List<WordToken> toks, Set<String> elisions) {
    List<WordToken> out = null;
    for (int i = 0; i < toks.size(); i++) {
      WordToken t = toks.get(i);
      String x = t.text();
      int apos = -1;
      for (int k = 1; k < x.length() - 1; k++) {
        char c = x.charAt(k);
        if (c == '\'' || c == '\u2019' || c == '\u02BC') {
          apos = k;
          break;
        }
      }
      if (apos > 0 && elisions.contains(x.substring(0, apos).toLowerCase(Locale.ROOT))) {
        if (out == null) {
          out = new ArrayList<>(toks.subList(0, i));
        }
        out.add(new WordToken(x.substring(0, apos + 1), t.start(), t.start() + apos + 1));
        // The word after the apostrophe starts where the whole token does: a hit beginning on it
        // includes the elided word (dell'ostaggio), as a reader marks it.
        out.add(new WordToken(x.substring(apos + 1), t.start(), t.end()));
      } else if (out != null) {
        out.add(t);
      }
    }
    return out == null ? toks : out;
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

          /**
           * A lexicon word is keyed with its inflection (particles, possessives) removed but its
           * derivation kept: penduduk "inhabitant" and pendudukan "occupation", tahanan "detainee"
           * and bertahan "to hold out" share a root (duduk, tahan) but are different words.
           */
          @Override
          public String termKey(String w) {
            return inflectional(w);
          }

          /**
           * A text word offers its inflectional stem and its root: a term written as a root
           * (sandera) matches its affixed forms (disandera), a derived term (pendudukan) only its
           * own inflected forms (pendudukannya).
           */
          @Override
          public List<String> textKeys(String w) {
            String infl = inflectional(w);
            String root = key(w);
            return infl.equals(root) ? List.of(infl) : List.of(infl, root);
          }
        };

    static String inflectional(String w) {
      char[] c = w.toCharArray();
      String s = new String(c, 0, STEMMER.get().stem(c, c.length, false));
      return s.length() < MIN_KEY ? w : s;
    }

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
   * above removed), Persian and Arabic-Indic digits to ASCII. A ZWNJ inside a word is removed
   * before tokenising (ZWNJ = nothing); a plural or possessive suffix written after a space (کتاب
   * ها), and the ezafe ی written apart after a final ه (حمله ی), are joined to the word before it;
   * a lexicon term written with a ZWNJ (آتش‌بس) also matches its spaced form (آتش بس). A lexicon
   * word is its own key; a text word offers itself, Lucene's PersianStemmer's stem, and itself with
   * up to three suffixes peeled (plural ها/های/ان/ات, ezafe and indefinite ی/ای, possessives
   * م/ت/ش/مان/تان/شان), because PersianStemmer removes one suffix and also the ان of words ending
   * in it (گروگان).
   */
  private static final class Persian {
    static final ArabicNormalizer AR = new ArabicNormalizer();
    static final PersianNormalizer FA = new PersianNormalizer();
    static final PersianStemmer STEM = new PersianStemmer();

    static String norm(String word) {
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

    static final List<String> SUFFIXES =
        java.util.stream.Stream.of(
                "هایشان", "هایتان", "هایمان", "هایی", "های", "ها", "یان", "ان", "ات", "شان", "تان",
                "مان", "ای", "یی", "ی", "ش", "م", "ت")
            .map(Persian::norm)
            .toList();

    static List<String> peeled(String w) {
      List<String> out = new ArrayList<>(6);
      out.add(w);
      for (int i = 0; i < out.size() && out.size() < 12; i++) {
        String x = out.get(i);
        for (String suf : SUFFIXES) {
          if (x.endsWith(suf) && x.length() - suf.length() >= 3) {
            String y = x.substring(0, x.length() - suf.length());
            if (!out.contains(y)) {
              out.add(y);
            }
          }
        }
        if (i >= 6) {
          break;
        }
      }
      char[] c = w.toCharArray();
      int len = STEM.stem(c, c.length);
      String st = new String(c, 0, len);
      if (len >= 2 && !out.contains(st)) {
        out.add(st);
      }
      return out;
    }

    static final LanguageProfile PROFILE =
        new StemProfile("fa", w -> w, 2, PersianAnalyzer::getDefaultStopSet) {
          @Override
          public boolean commonNormalization() {
            return false;
          }

          @Override
          public String normalize(String word) {
            return norm(word);
          }

          @Override
          public String termKey(String w) {
            return w;
          }

          @Override
          public List<String> textKeys(String w) {
            return peeled(w);
          }

          @Override
          public List<String> termVariants(String term) {
            if (term.indexOf('\u200C') < 0) {
              return List.of(term);
            }
            return List.of(term, term.replace('\u200C', ' '));
          }

          @Override
          public WordSplitter newSplitter(WordSplitter standard) {
            return text -> detached(text, standard.tokenize(text));
          }
        };

    static List<WordToken> detached(String text, List<WordToken> toks) {
      List<WordToken> out = new ArrayList<>(toks.size());
      for (WordToken t : toks) {
        if (!out.isEmpty()) {
          WordToken prev = out.get(out.size() - 1);
          // A plural or possessive written apart (گروگان ها) is left apart: the noun alone is the
          // hit. The ezafe ی written apart after a final ه belongs to the phrase (حمله ی تروریستی).
          boolean suffix =
              (t.text().equals("ی") || t.text().equals("ي")) && prev.text().endsWith("ه");
          if (suffix
              && t.start() - prev.end() == 1
              && Character.isWhitespace(text.charAt(prev.end()))) {
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
    static final LanguageProfile ZH = new CjkProfile("zh", CjkSegmenters.chinese());
    static final LanguageProfile JA = new CjkProfile("ja", CjkSegmenters.japanese());
    static final LanguageProfile KO = new CjkProfile("ko", CjkSegmenters.korean());

    static LanguageProfile of(String lang) {
      return switch (lang) {
        case "zh" -> ZH;
        case "ja" -> JA;
        default -> KO;
      };
    }
  }

  /**
   * A language read by a {@link WordSegmenter}. Where the segmenter says a word ends a phrase (a
   * Korean word with a particle or ending attached), a multi-word term may go on past it only if
   * the term's own word there ends a phrase too. That is encoded in the keys, so the trie needs no
   * notion of it: a term word that is not its term's last has the key {@code k} (or {@code k} +
   * {@link #PHRASE_END} when it ends a phrase itself), a term's last word {@code k} + {@link
   * #LAST}; a text word offers {@code k} (or {@code k} + PHRASE_END) to continue and {@code k} +
   * LAST to end a term.
   */
  private static final class CjkProfile implements LanguageProfile {
    static final String PHRASE_END = "\u0001";
    static final String LAST = "\u0002";

    private final String lang;
    private final WordSegmenter segmenter;

    CjkProfile(String lang, WordSegmenter segmenter) {
      this.lang = lang;
      this.segmenter = segmenter;
    }

    @Override
    public String lang() {
      return lang;
    }

    @Override
    public LanguageProfile forVocabulary(java.util.Collection<String> terms) {
      return lang.equals("zh") ? new CjkProfile(lang, segmenter.withVocabulary(terms)) : this;
    }

    @Override
    public WordSplitter newSplitter(WordSplitter standard) {
      return text -> {
        List<SegmentedWord> words = segmenter.segment(text);
        List<WordToken> out = new ArrayList<>(words.size());
        for (SegmentedWord w : words) {
          List<String> keys = new ArrayList<>(w.keys().size() * 2);
          for (String k : w.keys()) {
            keys.add(w.endsPhrase() ? k + PHRASE_END : k);
          }
          for (String k : w.keys()) {
            keys.add(k + LAST);
          }
          out.add(new WordToken(w.surface(), w.start(), w.end(), keys));
        }
        return out;
      };
    }

    @Override
    public List<String> termPath(String term) {
      List<SegmentedWord> words = segmenter.segment(term);
      List<String> path = new ArrayList<>(words.size());
      for (int i = 0; i < words.size(); i++) {
        SegmentedWord w = words.get(i);
        String k = w.keys().get(0);
        path.add(i == words.size() - 1 ? k + LAST : w.endsPhrase() ? k + PHRASE_END : k);
      }
      return path;
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

package org.framelens.common.lang;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Detects a text's language with Lingua over a configured language set. Thread-safe (Lingua's
 * detector is); build one per JVM, it loads its models lazily.
 */
public final class LanguageDetection {
  /** Language code for text whose language could not be told reliably. */
  public static final String UNDETERMINED = "und";

  /** Common news languages detected besides the lexicon's own. */
  public static final List<String> COMMON_NEWS_LANGUAGES =
      List.of(
          "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar", "he", "fa", "tr", "zh",
          "ja");

  /** Characters of text enough for a confident decision on news prose; more only costs time. */
  public static final int SAMPLE_CHARS = 600;

  private static final int MIN_LETTERS = 12;
  private static final double MIN_CONFIDENCE = 0.5;

  private final LanguageDetector detector;

  public LanguageDetection(Collection<String> isoCodes) {
    EnumSet<Language> langs = EnumSet.noneOf(Language.class);
    for (String code : isoCodes) {
      Language l = byIsoCode(code);
      if (l == null) {
        throw new IllegalArgumentException("Lingua does not know the language '" + code + "'");
      }
      langs.add(l);
    }
    if (langs.size() < 2) {
      throw new IllegalArgumentException("language detection needs at least two languages");
    }
    this.detector = LanguageDetectorBuilder.fromLanguages(langs.toArray(new Language[0])).build();
  }

  /**
   * A text (our own sentence) whose detection loads the models that long texts in Latin script, the
   * script of most news, need: Lingua loads a language's models on first use, which made the first
   * documents of a run wait for them. Other scripts load when a text needs them (a run without
   * Cyrillic text never loads the Russian model).
   */
  private static final String WARM_UP =
      "The committee met again on Thursday afternoon and agreed to publish its report on the"
          + " harbour repairs before the end of the month, after a long debate.";

  /**
   * Loads the models of the configured languages that long Latin-script texts need; returns when
   * done. Safe beside detections: Lingua loads each model once, whoever asks first.
   */
  public void warmUp() {
    detector.computeLanguageConfidenceValues(WARM_UP);
  }

  /** Starts {@link #warmUp} on a daemon thread. */
  public void warmUpInBackground() {
    Thread t = new Thread(this::warmUp, "framelens-lingua-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.NORM_PRIORITY - 1);
    t.start();
  }

  /** The language of an ISO 639-1 code, or null when Lingua has none. */
  public static Language byIsoCode(String code) {
    try {
      return Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public static boolean isKnownIsoCode(String code) {
    return code != null && byIsoCode(code) != null;
  }

  /** A detection result: ISO 639-1 code (or {@code und}) and confidence in [0, 1]. */
  public record Detected(String lang, double confidence) {}

  public Detected detect(String text) {
    if (text == null) {
      return new Detected(UNDETERMINED, 0);
    }
    String sample = sample(text);
    if (countLetters(sample) < MIN_LETTERS) {
      return new Detected(UNDETERMINED, 0);
    }
    SortedMap<Language, Double> values = detector.computeLanguageConfidenceValues(sample);
    Map.Entry<Language, Double> best = null;
    for (Map.Entry<Language, Double> e : values.entrySet()) {
      if (best == null || e.getValue() > best.getValue()) {
        best = e;
      }
    }
    if (best == null || best.getKey() == Language.UNKNOWN || best.getValue() < MIN_CONFIDENCE) {
      return new Detected(UNDETERMINED, 0);
    }
    return new Detected(best.getKey().getIsoCode639_1().toString(), best.getValue());
  }

  /** The start of the text, cut at a word boundary near {@link #SAMPLE_CHARS}. */
  static String sample(String text) {
    if (text.length() <= SAMPLE_CHARS) {
      return text;
    }
    int cut = text.lastIndexOf(' ', SAMPLE_CHARS);
    return text.substring(0, cut > SAMPLE_CHARS / 2 ? cut : SAMPLE_CHARS);
  }

  private static int countLetters(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && n < MIN_LETTERS; i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}

package org.framelens.common.pipeline;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.CompiledLexicon;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.outlet.OutletResolver;

/**
 * The heavy, thread-safe objects of a run (compiled lexicon, Lingua detector, outlet registry),
 * built once per JVM from a {@link ProcessingConfig} and shared by every task of that JVM.
 */
public final class ProcessingResources {
  private static final Map<ProcessingConfig, ProcessingResources> PER_JVM =
      new ConcurrentHashMap<>();

  private final ProcessingConfig config;
  private final CompiledLexicon lexicon;
  private final LanguageDetection languages;
  private final OutletResolver outlets;

  private ProcessingResources(ProcessingConfig config) {
    this.config = config;
    this.lexicon = new CompiledLexicon(Lexicon.parse(config.lexiconText(), config.lexiconSource()));
    this.languages = new LanguageDetection(config.detectLanguages());
    // the models load while the rest of the JVM starts (Spark, the first task's Tika)
    this.languages.warmUpInBackground();
    this.outlets =
        config.outletRegistryCsv() == null
            ? OutletResolver.withoutRegistry()
            : OutletResolver.fromCsv(config.outletRegistryCsv());
  }

  /** The resources for this config in this JVM, built on first use. */
  public static ProcessingResources forConfig(ProcessingConfig config) {
    return PER_JVM.computeIfAbsent(config, ProcessingResources::new);
  }

  /** Default detection set: the lexicon's languages, then common news languages. */
  public static java.util.List<String> defaultDetectLanguages(Lexicon lexicon) {
    Set<String> langs = new LinkedHashSet<>(lexicon.languagesInOrder());
    langs.addAll(LanguageDetection.COMMON_NEWS_LANGUAGES);
    langs.removeIf(l -> !LanguageDetection.isKnownIsoCode(l));
    return java.util.List.copyOf(langs);
  }

  public ProcessingConfig config() {
    return config;
  }

  public CompiledLexicon lexicon() {
    return lexicon;
  }

  public LanguageDetection languages() {
    return languages;
  }

  public OutletResolver outlets() {
    return outlets;
  }
}

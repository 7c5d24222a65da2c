package org.framelens.common.lexicon;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.CompiledLexicon.Node;
import org.framelens.common.lexicon.CompiledLexicon.NodeList;
import org.framelens.common.lexicon.lang.LanguageProfile;
import org.framelens.common.lexicon.lang.WordSplitter;
import org.framelens.common.lexicon.lang.WordToken;

/**
 * Finds lexicon terms in an article's headline and body paragraphs: whole words, inflection- and
 * clitic-tolerant per language, never across a paragraph; overlapping terms resolve
 * leftmost-longest, one occurrence giving one hit. Not thread-safe (it owns a tokenizer): use one
 * per thread over a shared {@link CompiledLexicon}.
 */
public final class FrameTagger {
  public static final String TITLE = "title";
  public static final String BODY = "body";
  static final int SNIPPET_CONTEXT = 60;

  private final CompiledLexicon lexicon;
  private final LanguageDetection segmentDetection;
  private final TextTokens tokens = new TextTokens();

  /** This tagger's word splitter per article language (a profile's own, or the standard one). */
  private final Map<String, WordSplitter> splitters = new HashMap<>();

  // Per tagger, hence per thread: words already normalised and stemmed, languages of runs in
  // other scripts already detected, and the match states being reused.
  private final TokenWord.Cache words = new TokenWord.Cache();
  private static final int MAX_RUN_LANGUAGES = 10_000;
  private static final String NO_LANGUAGE = new String("");
  private final Map<String, String> runLanguages = new HashMap<>();
  private final NodeList scratch = new NodeList();
  private final NodeList frontierA = new NodeList();
  private final NodeList frontierB = new NodeList();

  /** A tagger that matches only the article's language. */
  public FrameTagger(CompiledLexicon lexicon) {
    this(lexicon, null);
  }

  /**
   * A tagger that also matches stretches of text in another script than the article's (an Arabic
   * slogan quoted in an English report) with the terms of their own language, as detected by {@code
   * segmentDetection}.
   */
  public FrameTagger(CompiledLexicon lexicon, LanguageDetection segmentDetection) {
    this.lexicon = lexicon;
    this.segmentDetection = segmentDetection;
  }

  /**
   * Frame hits, entity mentions (lexicon rows whose frame starts with {@code entity:}, matched
   * independently of the frame terms) and the number of word tokens in title and body.
   */
  public record TagResult(List<FrameHit> hits, List<FrameHit> entityHits, int tokenCount) {
    /** Frame hits and entity mentions together, as stored in {@code frame_hits}. */
    public List<FrameHit> allHits() {
      List<FrameHit> all = new ArrayList<>(hits.size() + entityHits.size());
      all.addAll(hits);
      all.addAll(entityHits);
      return all;
    }
  }

  /**
   * Tags an article.
   *
   * @param title the headline, may be null
   * @param paragraphs body paragraphs; in the stored text they are joined by one newline, and body
   *     offsets refer to that joined text
   * @param lang the article's language (ISO 639-1); terms of that language are matched
   */
  public TagResult tag(String title, List<String> paragraphs, String lang) {
    List<FrameHit> hits = new ArrayList<>();
    List<FrameHit> entityHits = new ArrayList<>();
    int tokenCount = 0;
    if (title != null && !title.isEmpty()) {
      tokenCount += tagParagraph(title, 0, title, TITLE, lang, hits, entityHits);
    }
    String body = String.join("\n", paragraphs);
    int offset = 0;
    for (String p : paragraphs) {
      tokenCount += tagParagraph(p, offset, body, BODY, lang, hits, entityHits);
      offset += p.length() + 1;
    }
    return new TagResult(hits, entityHits, tokenCount);
  }

  private int tagParagraph(
      String paragraph,
      int offset,
      String sectionText,
      String section,
      String lang,
      List<FrameHit> hits,
      List<FrameHit> entityHits) {
    List<WordToken> toks = splitter(lang).tokenize(paragraph);
    if (toks.isEmpty()) {
      return 0;
    }
    TokenWord[] ws = new TokenWord[toks.size()];
    for (int i = 0; i < ws.length; i++) {
      WordToken t = toks.get(i);
      ws[i] = t.keys() == null ? words.get(t.text()) : words.get(t.text(), lang, t.keys());
    }
    Paragraph p =
        new Paragraph(paragraph, offset, sectionText, section, toks, ws, lexicon.profile(lang));
    Scripts.RunLanguage runLanguage = (from, to, script) -> runLanguage(p, from, to, script);
    for (Segment seg : Scripts.segments(paragraph, toks, ws, lang, runLanguage)) {
      if (seg.lang() == null) {
        continue;
      }
      Node frames = lexicon.root(seg.lang());
      if (frames != null) {
        matchRun(p, seg, frames, false, hits);
      }
      Node entities = lexicon.entityRoot(seg.lang());
      if (entities != null) {
        matchRun(p, seg, entities, true, entityHits);
      }
    }
    return toks.size();
  }

  private WordSplitter splitter(String lang) {
    WordSplitter s = splitters.get(lang);
    if (s == null) {
      s = lang == null ? tokens : lexicon.profile(lang).newSplitter(tokens);
      splitters.put(lang, s);
    }
    return s;
  }

  /**
   * The language of a run in another script than the article's. Lingua is asked only when the run
   * could match a term of some language of that script (when no word of it starts a term in any of
   * them, no language can give a hit, so the answer does not matter), and once per distinct run
   * text (the same name in the same script recurs across articles; detection is deterministic).
   * Besides its own cost, Lingua loads its large n-gram models for short texts on first use
   * (seconds per script), which most runs (names, short quotes) never need.
   */
  private String runLanguage(Paragraph p, int from, int to, UnicodeScript script) {
    if (segmentDetection == null || !couldMatch(p, from, to, script)) {
      return null;
    }
    String text = p.text.substring(p.toks.get(from).start(), p.toks.get(to - 1).end());
    String cached = runLanguages.get(text);
    if (cached == null) {
      if (runLanguages.size() >= MAX_RUN_LANGUAGES) {
        runLanguages.clear();
      }
      String l = Scripts.detectRun(text, script, segmentDetection);
      cached = l == null ? NO_LANGUAGE : l;
      runLanguages.put(text, cached);
    }
    return cached == NO_LANGUAGE ? null : cached;
  }

  /** Whether some word of tokens [from, to) starts a term of a language written in script. */
  private boolean couldMatch(Paragraph p, int from, int to, UnicodeScript script) {
    for (String l : lexicon.languagesIn(script)) {
      Node frames = lexicon.root(l);
      Node entities = lexicon.entityRoot(l);
      for (int i = from; i < to; i++) {
        TokenWord.Forms w = p.words[i].forms(l);
        if ((frames != null && w.starts(frames, false, scratch).length > 0)
            || (entities != null && w.starts(entities, true, scratch).length > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** One paragraph being tagged; which of its characters are quoted is worked out on demand. */
  private static final class Paragraph {
    final String text;
    final int offset;
    final String sectionText;
    final String section;
    final List<WordToken> toks;
    final LanguageProfile profile;
    final TokenWord[] words;
    private boolean[] quoted;

    Paragraph(
        String text,
        int offset,
        String sectionText,
        String section,
        List<WordToken> toks,
        TokenWord[] words,
        LanguageProfile profile) {
      this.profile = profile;
      this.text = text;
      this.offset = offset;
      this.sectionText = sectionText;
      this.section = section;
      this.toks = toks;
      this.words = words;
    }

    /**
     * The voice of a match ending before {@code end} (paragraph offset). The last character
     * decides: a prefix letter before an opening quote (ב"...) is outside it.
     */
    String voice(int end) {
      if (quoted == null) {
        quoted = profile.quotedChars(text);
      }
      return quoted[end - 1] ? Voice.QUOTED : Voice.OWN;
    }
  }

  /** A run of tokens [from, to) matched with the terms of one language (null: not matched). */
  record Segment(int from, int to, String lang) {}

  private void matchRun(Paragraph p, Segment seg, Node root, boolean entity, List<FrameHit> hits) {
    String lang = seg.lang();
    List<WordToken> toks = p.toks;
    int n = seg.to();
    int i = seg.from();
    while (i < n) {
      Node[] starts = p.words[i].forms(lang).starts(root, entity, scratch);
      if (starts.length == 0) {
        i++; // the common case: no term starts with this word
        continue;
      }
      int bestEnd = -1;
      List<LexiconEntry> best = null;
      NodeList frontier = frontierA;
      NodeList next = frontierB;
      frontier.clear();
      for (Node s : starts) {
        frontier.add(s);
      }
      for (int j = i; ; ) {
        // Of several terms ending at the same token (an exact word and a wildcard one), the first
        // reached gives the hit.
        for (int k = 0; k < frontier.size; k++) {
          if (!frontier.nodes[k].terminal.isEmpty()) {
            bestEnd = j;
            best = frontier.nodes[k].terminal;
            break;
          }
        }
        j++;
        if (j >= n) {
          break;
        }
        next.clear();
        TokenWord.Forms w = p.words[j].forms(lang);
        for (int k = 0; k < frontier.size; k++) {
          frontier.nodes[k].step(w, next);
        }
        if (next.size == 0) {
          break;
        }
        NodeList t = frontier;
        frontier = next;
        next = t;
      }
      frontierA.clear();
      frontierB.clear();
      if (best == null) {
        i++;
        continue;
      }
      int start = toks.get(i).start();
      int end = toks.get(bestEnd).end();
      String snippet = snippet(p.sectionText, p.offset + start, p.offset + end);
      String voice = p.voice(end);
      String matched = p.text.substring(start, end);
      Set<String> frames = new HashSet<>();
      for (LexiconEntry e : best) {
        if (frames.add(e.frame())) {
          hits.add(
              new FrameHit(
                  e.frame(),
                  e.lang(),
                  e.term(),
                  matched,
                  p.section,
                  p.offset + start,
                  p.offset + end,
                  voice,
                  snippet));
        }
      }
      i = bestEnd + 1;
    }
  }

  static String snippet(String text, int start, int end) {
    int from = Math.max(0, start - SNIPPET_CONTEXT);
    int to = Math.min(text.length(), end + SNIPPET_CONTEXT);
    // do not cut a surrogate pair
    if (from > 0 && Character.isLowSurrogate(text.charAt(from))) {
      from--;
    }
    if (to < text.length() && Character.isLowSurrogate(text.charAt(to))) {
      to++;
    }
    return (from > 0 ? "…" : "")
        + text.substring(from, to).replace('\n', ' ')
        + (to < text.length() ? "…" : "");
  }
}

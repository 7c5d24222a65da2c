package org.framelens.common.lexicon;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.framelens.common.lang.LanguageDetection;
import org.framelens.common.lexicon.CompiledLexicon.Node;

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
    List<TextTokens.Token> toks = tokens.tokenize(paragraph);
    if (toks.isEmpty()) {
      return 0;
    }
    boolean[] quoted = null;
    for (Segment seg : Scripts.segments(paragraph, toks, lang, segmentDetection)) {
      if (seg.lang() == null) {
        continue;
      }
      for (boolean entities : new boolean[] {false, true}) {
        Node root = entities ? lexicon.entityRoot(seg.lang()) : lexicon.root(seg.lang());
        if (root == null) {
          continue;
        }
        List<FrameHit> target = entities ? entityHits : hits;
        int before = target.size();
        matchRun(
            paragraph,
            offset,
            sectionText,
            section,
            seg.lang(),
            root,
            toks,
            seg.from(),
            seg.to(),
            target);
        if (target.size() > before && quoted == null) {
          quoted = Voice.quotedChars(paragraph);
        }
        for (int h = before; h < target.size(); h++) {
          FrameHit hit = target.get(h);
          // The last character decides: a prefix letter before an opening quote (ב"...) is
          // outside it.
          String voice = quoted[hit.end() - offset - 1] ? Voice.QUOTED : Voice.OWN;
          target.set(
              h,
              new FrameHit(
                  hit.frame(),
                  hit.lang(),
                  hit.term(),
                  hit.matchedText(),
                  hit.section(),
                  hit.start(),
                  hit.end(),
                  voice,
                  hit.snippet()));
        }
      }
    }
    return toks.size();
  }

  /** A run of tokens [from, to) matched with the terms of one language (null: not matched). */
  record Segment(int from, int to, String lang) {}

  private void matchRun(
      String paragraph,
      int offset,
      String sectionText,
      String section,
      String lang,
      Node root,
      List<TextTokens.Token> toks,
      int from,
      int to,
      List<FrameHit> hits) {
    int n = to;
    String[] normalized = new String[n];
    List<List<String>> keys =
        new ArrayList<>(java.util.Collections.nCopies(n, (List<String>) null));
    List<List<String>> surfaces =
        new ArrayList<>(java.util.Collections.nCopies(n, (List<String>) null));
    int i = from;
    while (i < n) {
      Set<Node> frontier = Set.of(root);
      int bestEnd = -1;
      List<LexiconEntry> best = null;
      for (int j = i; j < n && !frontier.isEmpty(); j++) {
        if (normalized[j] == null) {
          normalized[j] = WordForms.normalize(toks.get(j).text());
        }
        if (keys.get(j) == null) {
          keys.set(j, WordForms.textKeys(lang, normalized[j]));
        }
        Set<Node> next = new HashSet<>(2);
        for (Node node : frontier) {
          for (String k : keys.get(j)) {
            Node child = node.next.get(k);
            if (child != null) {
              next.add(child);
            }
          }
          if (node.wildcard != null) {
            if (surfaces.get(j) == null) {
              surfaces.set(j, WordForms.surfaces(lang, normalized[j]));
            }
            for (String sf : surfaces.get(j)) {
              CompiledLexicon.CharNode c = node.wildcard;
              for (int k = 0; k < sf.length() && c != null; k++) {
                c = c.children.get(sf.charAt(k));
                if (c != null && c.target != null) {
                  next.add(c.target);
                }
              }
            }
          }
        }
        for (Node node : next) {
          if (!node.terminal.isEmpty()) {
            bestEnd = j;
            best = node.terminal;
          }
        }
        frontier = next;
      }
      if (best == null) {
        i++;
        continue;
      }
      int start = toks.get(i).start();
      int end = toks.get(bestEnd).end();
      String snippet = snippet(sectionText, offset + start, offset + end);
      Set<String> frames = new HashSet<>();
      for (LexiconEntry e : best) {
        if (frames.add(e.frame())) {
          hits.add(
              new FrameHit(
                  e.frame(),
                  e.lang(),
                  e.term(),
                  paragraph.substring(start, end),
                  section,
                  offset + start,
                  offset + end,
                  Voice.OWN,
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

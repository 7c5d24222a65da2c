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
    Paragraph p = new Paragraph(paragraph, offset, sectionText, section, toks);
    for (Segment seg : Scripts.segments(paragraph, toks, lang, segmentDetection)) {
      if (seg.lang() == null) {
        continue;
      }
      Node frames = lexicon.root(seg.lang());
      if (frames != null) {
        matchRun(p, seg, frames, hits);
      }
      Node entities = lexicon.entityRoot(seg.lang());
      if (entities != null) {
        matchRun(p, seg, entities, entityHits);
      }
    }
    return toks.size();
  }

  /** One paragraph being tagged; which of its characters are quoted is worked out on demand. */
  private static final class Paragraph {
    final String text;
    final int offset;
    final String sectionText;
    final String section;
    final List<TextTokens.Token> toks;
    private boolean[] quoted;

    // Per token, computed once and shared by the frame and entity passes. A token lies in one
    // segment, so it is only ever read in one language.
    private final String[] normalized;
    private final List<List<String>> keys;
    private final List<List<String>> surfaces;

    Paragraph(
        String text, int offset, String sectionText, String section, List<TextTokens.Token> toks) {
      this.text = text;
      this.offset = offset;
      this.sectionText = sectionText;
      this.section = section;
      this.toks = toks;
      this.normalized = new String[toks.size()];
      this.keys = new ArrayList<>(java.util.Collections.nCopies(toks.size(), (List<String>) null));
      this.surfaces =
          new ArrayList<>(java.util.Collections.nCopies(toks.size(), (List<String>) null));
    }

    private String normalized(int i) {
      if (normalized[i] == null) {
        normalized[i] = WordForms.normalize(toks.get(i).text());
      }
      return normalized[i];
    }

    List<String> keys(int i, String lang) {
      if (keys.get(i) == null) {
        keys.set(i, WordForms.textKeys(lang, normalized(i)));
      }
      return keys.get(i);
    }

    List<String> surfaces(int i, String lang) {
      if (surfaces.get(i) == null) {
        surfaces.set(i, WordForms.surfaces(lang, normalized(i)));
      }
      return surfaces.get(i);
    }

    /**
     * The voice of a match ending before {@code end} (paragraph offset). The last character
     * decides: a prefix letter before an opening quote (ב"...) is outside it.
     */
    String voice(int end) {
      if (quoted == null) {
        quoted = Voice.quotedChars(text);
      }
      return quoted[end - 1] ? Voice.QUOTED : Voice.OWN;
    }
  }

  /** A run of tokens [from, to) matched with the terms of one language (null: not matched). */
  record Segment(int from, int to, String lang) {}

  private void matchRun(Paragraph p, Segment seg, Node root, List<FrameHit> hits) {
    String lang = seg.lang();
    List<TextTokens.Token> toks = p.toks;
    int from = seg.from();
    int n = seg.to();
    int i = from;
    while (i < n) {
      Set<Node> frontier = Set.of(root);
      int bestEnd = -1;
      List<LexiconEntry> best = null;
      for (int j = i; j < n && !frontier.isEmpty(); j++) {
        List<String> tokenKeys = p.keys(j, lang);
        Set<Node> next = new HashSet<>(2);
        for (Node node : frontier) {
          for (String k : tokenKeys) {
            Node child = node.next.get(k);
            if (child != null) {
              next.add(child);
            }
          }
          if (node.wildcard != null) {
            for (String sf : p.surfaces(j, lang)) {
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
      String snippet = snippet(p.sectionText, p.offset + start, p.offset + end);
      String voice = p.voice(end);
      Set<String> frames = new HashSet<>();
      for (LexiconEntry e : best) {
        if (frames.add(e.frame())) {
          hits.add(
              new FrameHit(
                  e.frame(),
                  e.lang(),
                  e.term(),
                  p.text.substring(start, end),
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

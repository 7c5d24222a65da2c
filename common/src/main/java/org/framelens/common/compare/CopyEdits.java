package org.framelens.common.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.lexicon.Lexicon;

/**
 * What a near-duplicate copy changed in the lexicon hits of the text it copies: the two texts are
 * aligned word by word (java-diff-utils' Myers diff over Unicode word tokens, lower-cased;
 * punctuation and spacing are not tokens, so changing only them changes nothing), title with title
 * and body with body. A frame hit the alignment leaves in place on both sides is unchanged; hits in
 * the changed stretches are paired in order into replacements, the rest are removals (original) and
 * additions (copy). A term removed in one place and added in another is a move and no edit.
 *
 * <p>The hits are the tagger's on each side (as stored in {@code frame_hits}); entity mentions are
 * not frames and are left out.
 */
public final class CopyEdits {
  private CopyEdits() {}

  public static final String REPLACED = "replaced";
  public static final String ADDED = "added";
  public static final String REMOVED = "removed";

  /** Characters of context either side of a term in a snippet. */
  static final int SNIPPET_CONTEXT = 60;

  /** One side of the comparison: its title, stored text (paragraphs joined by newlines), hits. */
  public record Side(String title, String text, List<FrameHit> hits) {
    public Side {
      title = title == null ? "" : title;
      text = text == null ? "" : text;
      hits = List.copyOf(hits);
    }

    String section(String name) {
      return FrameTagger.TITLE.equals(name) ? title : text;
    }
  }

  /**
   * One changed hit: {@code kind} is {@link #REPLACED} (both sides set), {@link #REMOVED} (the copy
   * side null) or {@link #ADDED} (the original side null); the snippets show each side's text at
   * the aligned place.
   */
  public record Edit(
      String kind,
      String section,
      String frameOriginal,
      String termOriginal,
      String frameCopy,
      String termCopy,
      String snippetOriginal,
      String snippetCopy) {}

  private record Token(String word, int start, int end) {}

  /** The edits that turn the original's hits into the copy's, in text order. */
  public static List<Edit> edits(Side original, Side copy) {
    List<Edit> edits = new ArrayList<>();
    // most copies are verbatim: the same text has the same hits, nothing to align
    if (original.title().equals(copy.title()) && original.text().equals(copy.text())) {
      return edits;
    }
    List<Edit> removed = new ArrayList<>();
    List<Edit> added = new ArrayList<>();
    for (String section : List.of(FrameTagger.TITLE, FrameTagger.BODY)) {
      String textO = original.section(section);
      String textC = copy.section(section);
      List<Token> tokO = tokens(textO);
      List<Token> tokC = tokens(textC);
      List<FrameHit> hitsO = frameHits(original, section);
      List<FrameHit> hitsC = frameHits(copy, section);
      List<AbstractDelta<String>> deltas = DiffUtils.diff(words(tokO), words(tokC)).getDeltas();
      for (AbstractDelta<String> d : deltas) {
        int fromO = d.getSource().getPosition();
        int toO = fromO + d.getSource().size();
        int fromC = d.getTarget().getPosition();
        int toC = fromC + d.getTarget().size();
        List<FrameHit> inO = within(hitsO, tokO, fromO, toO);
        List<FrameHit> inC = within(hitsC, tokC, fromC, toC);
        int paired = Math.min(inO.size(), inC.size());
        for (int i = 0; i < paired; i++) {
          FrameHit o = inO.get(i);
          FrameHit c = inC.get(i);
          if (!o.term().equals(c.term()) || !o.frame().equals(c.frame())) {
            edits.add(
                new Edit(
                    REPLACED,
                    section,
                    o.frame(),
                    o.term(),
                    c.frame(),
                    c.term(),
                    snippet(textO, o.start(), o.end()),
                    snippet(textC, c.start(), c.end())));
          }
        }
        for (int i = paired; i < inO.size(); i++) {
          FrameHit o = inO.get(i);
          int at = charAt(tokC, fromC, textC.length());
          removed.add(
              new Edit(
                  REMOVED,
                  section,
                  o.frame(),
                  o.term(),
                  null,
                  null,
                  snippet(textO, o.start(), o.end()),
                  snippet(textC, at, at)));
        }
        for (int i = paired; i < inC.size(); i++) {
          FrameHit c = inC.get(i);
          int at = charAt(tokO, fromO, textO.length());
          added.add(
              new Edit(
                  ADDED,
                  section,
                  null,
                  null,
                  c.frame(),
                  c.term(),
                  snippet(textO, at, at),
                  snippet(textC, c.start(), c.end())));
        }
      }
    }
    // a term taken out in one place and put in another (in either section) is a move, not an edit
    for (Iterator<Edit> r = removed.iterator(); r.hasNext(); ) {
      Edit gone = r.next();
      for (Iterator<Edit> a = added.iterator(); a.hasNext(); ) {
        Edit come = a.next();
        if (gone.termOriginal().equals(come.termCopy())
            && gone.frameOriginal().equals(come.frameCopy())) {
          a.remove();
          r.remove();
          break;
        }
      }
    }
    edits.addAll(removed);
    edits.addAll(added);
    return edits;
  }

  private static List<FrameHit> frameHits(Side side, String section) {
    List<FrameHit> hits = new ArrayList<>();
    for (FrameHit h : side.hits()) {
      if (section.equals(h.section()) && !Lexicon.isEntity(h.frame())) {
        hits.add(h);
      }
    }
    hits.sort(Comparator.comparingInt(FrameHit::start).thenComparingInt(FrameHit::end));
    return hits;
  }

  /** The hits with a token inside tokens [from, to) (a delta's range), in text order. */
  private static List<FrameHit> within(List<FrameHit> hits, List<Token> tokens, int from, int to) {
    List<FrameHit> in = new ArrayList<>();
    if (from == to) {
      return in;
    }
    int start = tokens.get(from).start();
    int end = tokens.get(to - 1).end();
    for (FrameHit h : hits) {
      if (h.start() < end && h.end() > start) {
        in.add(h);
      }
    }
    return in;
  }

  /** The character offset where token {@code i} starts (the text's end past the last token). */
  private static int charAt(List<Token> tokens, int i, int textLength) {
    return i < tokens.size() ? tokens.get(i).start() : textLength;
  }

  private static List<String> words(List<Token> tokens) {
    List<String> words = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      words.add(t.word());
    }
    return words;
  }

  /** Unicode word tokens (UAX #29, Lucene's StandardTokenizer), lower-cased, with offsets. */
  static List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text.isEmpty()) {
      return tokens;
    }
    try (StandardTokenizer t = new StandardTokenizer()) {
      // long tokens are split, never dropped: every word of a wire text takes part in the alignment
      t.setMaxTokenLength(StandardTokenizer.MAX_TOKEN_LENGTH_LIMIT);
      t.setReader(new StringReader(text));
      CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
      t.reset();
      while (t.incrementToken()) {
        tokens.add(
            new Token(
                term.toString().toLowerCase(Locale.ROOT),
                offset.startOffset(),
                offset.endOffset()));
      }
      t.end();
    } catch (IOException e) {
      // a StringReader does not fail
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** About {@value #SNIPPET_CONTEXT} characters either side of [start, end), on one line. */
  static String snippet(String text, int start, int end) {
    Objects.checkFromToIndex(start, end, text.length());
    int from = Math.max(0, start - SNIPPET_CONTEXT);
    int to = Math.min(text.length(), end + SNIPPET_CONTEXT);
    return text.substring(from, to).replace('\n', ' ').strip();
  }
}

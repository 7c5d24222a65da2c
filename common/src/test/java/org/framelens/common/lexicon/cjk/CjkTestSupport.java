package org.framelens.common.lexicon.cjk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Small helpers for the segmenter tests: key paths and path search as the tagger does it. */
final class CjkTestSupport {
  private CjkTestSupport() {}

  /** The first key of each word. */
  static List<String> keys(List<SegmentedWord> words) {
    return words.stream().map(w -> w.keys().get(0)).toList();
  }

  static List<String> surfaces(List<SegmentedWord> words) {
    return words.stream().map(SegmentedWord::surface).toList();
  }

  /**
   * Where a term's key path occurs in the text's words (each term word's key among the keys of the
   * text word at that position), as the tagger's trie walk would find it (not going on past a word
   * that {@link SegmentedWord#endsPhrase ends a phrase}); -1 if nowhere.
   */
  static int indexOfPath(List<SegmentedWord> text, List<String> path) {
    if (path.isEmpty()) {
      return -1;
    }
    outer:
    for (int i = 0; i + path.size() <= text.size(); i++) {
      for (int j = 0; j < path.size(); j++) {
        List<String> textKeys = text.get(i + j).keys();
        if (!textKeys.contains(path.get(j))) {
          continue outer;
        }
        if (j < path.size() - 1 && text.get(i + j).endsPhrase()) {
          continue outer; // the term would go on past a word that ends a phrase
        }
      }
      return i;
    }
    return -1;
  }

  /**
   * Where a term (segmented: its words' first keys and phrase ends) occurs in the text's words: as
   * {@link #indexOfPath}, but the term goes on past a text word that ends a phrase where its own
   * word there ends one too.
   */
  static int indexOfTerm(List<SegmentedWord> text, List<SegmentedWord> term) {
    outer:
    for (int i = 0; i + term.size() <= text.size() && !term.isEmpty(); i++) {
      for (int j = 0; j < term.size(); j++) {
        SegmentedWord t = text.get(i + j);
        if (!t.keys().contains(term.get(j).keys().get(0))) {
          continue outer;
        }
        if (j < term.size() - 1 && t.endsPhrase() && !term.get(j).endsPhrase()) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Four threads segmenting the paragraphs at once get the words one thread gets. */
  static void assertThreadsAgree(WordSegmenter segmenter, List<String> paragraphs)
      throws Exception {
    List<List<SegmentedWord>> expected = paragraphs.stream().map(segmenter::segment).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<List<SegmentedWord>>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(
            pool.submit(
                () -> {
                  List<List<SegmentedWord>> got = new ArrayList<>();
                  for (int r = 0; r < 50; r++) {
                    for (String p : paragraphs) {
                      got.add(segmenter.segment(p));
                    }
                  }
                  return got;
                }));
      }
      for (Future<List<List<SegmentedWord>>> f : futures) {
        List<List<SegmentedWord>> got = f.get();
        for (int i = 0; i < got.size(); i++) {
          assertThat(got.get(i)).isEqualTo(expected.get(i % paragraphs.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

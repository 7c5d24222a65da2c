package org.framelens.common.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.framelens.common.stats.StratifiedContrast;

/**
 * The articles of one period by story and outlet, and the rows of {@code story_contrasts}: per
 * frame and pair of outlets that share at least one story, and per outlet against all other
 * outlets, the frame's share compared with the story held fixed ({@link StratifiedContrast}).
 *
 * <p>A story is a stratum; an article in no story is a story of its own (covered by its outlet
 * only), so the raw shares are the outlets' shares of the period over all their articles, as in
 * {@code outlet_frames}. The work grows with the outlets' stories, not with pairs of articles:
 * stories only the other side covered add to the selection part in a linear way, so they enter as
 * one merged stratum (exact: each adds −x/n_B, a sum).
 */
public final class StoryContrasts {
  /** The outlet_b of a row comparing an outlet with all other outlets together. */
  public static final String ALL_OTHERS = "(all others)";

  /** One row of {@code story_contrasts} without the period and run-wide columns. */
  public record ContrastRow(
      String frame,
      String outletA,
      String outletB,
      long storiesA,
      long storiesB,
      long articlesA,
      long articlesB,
      StratifiedContrast.Result contrast) {}

  private static final class Cell {
    long articles;
    final Map<String, Long> withFrame = new HashMap<>();
  }

  /** story → outlet → counts. */
  private final Map<String, Map<String, Cell>> stories = new HashMap<>();

  /** outlet → story → counts (the same cells). */
  private final TreeMap<String, Map<String, Cell>> outlets = new TreeMap<>(CodePointOrder.INSTANCE);

  private final List<String> frames;

  /**
   * @param frames the lexicon's frames; hits of other frames are ignored
   */
  public StoryContrasts(List<String> frames) {
    this.frames = List.copyOf(frames);
  }

  private Cell cell(String story, String outlet) {
    Cell c = stories.computeIfAbsent(story, k -> new HashMap<>()).get(outlet);
    if (c == null) {
      c = new Cell();
      stories.get(story).put(outlet, c);
      // sorted: the strata are summed in one order whichever way the cells arrived
      outlets.computeIfAbsent(outlet, k -> new TreeMap<>()).put(story, c);
    }
    return c;
  }

  /** Adds articles of an outlet in a story (in this period). */
  public void addArticles(String story, String outlet, long articles) {
    cell(story, outlet).articles += articles;
  }

  /** Adds articles of an outlet in a story that have at least one hit of the frame. */
  public void addWithFrame(String story, String outlet, String frame, long articles) {
    cell(story, outlet).withFrame.merge(frame, articles, Long::sum);
  }

  /**
   * The rows: for every pair of outlets sharing a story (outletA the smaller id) and every outlet
   * that shares a story with any other (against {@link #ALL_OTHERS}), one row per frame that either
   * side used in the period; pairs first, in name order, then the all-others rows.
   */
  public List<ContrastRow> rows() {
    Set<List<String>> pairs =
        new TreeSet<>(
            (x, y) -> {
              int c = CodePointOrder.INSTANCE.compare(x.get(0), y.get(0));
              return c != 0 ? c : CodePointOrder.INSTANCE.compare(x.get(1), y.get(1));
            });
    Set<String> sharing = new TreeSet<>(CodePointOrder.INSTANCE);
    for (Map<String, Cell> byOutlet : stories.values()) {
      if (byOutlet.size() < 2) {
        continue;
      }
      List<String> names = new ArrayList<>(byOutlet.keySet());
      names.sort(CodePointOrder.INSTANCE);
      sharing.addAll(names);
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          pairs.add(List.of(names.get(i), names.get(j)));
        }
      }
    }
    List<ContrastRow> rows = new ArrayList<>();
    for (List<String> pair : pairs) {
      rows.addAll(contrast(pair.get(0), pair.get(1)));
    }
    for (String outlet : sharing) {
      rows.addAll(contrast(outlet, null));
    }
    return rows;
  }

  /** The rows of outlet a against b, or against all others when b is null. */
  private List<ContrastRow> contrast(String a, String b) {
    Map<String, Cell> ofA = outlets.get(a);
    long articlesA = 0;
    long articlesB = 0;
    long storiesB = 0;
    for (Cell c : ofA.values()) {
      articlesA += c.articles;
    }
    Map<String, Long> totalWithFrameB = new HashMap<>();
    if (b != null) {
      Map<String, Cell> ofB = outlets.get(b);
      storiesB = ofB.size();
      for (Cell c : ofB.values()) {
        articlesB += c.articles;
        c.withFrame.forEach((f, n) -> totalWithFrameB.merge(f, n, Long::sum));
      }
    } else {
      for (Map.Entry<String, Map<String, Cell>> o : outlets.entrySet()) {
        if (o.getKey().equals(a)) {
          continue;
        }
        for (Cell c : o.getValue().values()) {
          articlesB += c.articles;
          c.withFrame.forEach((f, n) -> totalWithFrameB.merge(f, n, Long::sum));
        }
      }
      for (Map<String, Cell> byOutlet : stories.values()) {
        if (byOutlet.size() > (byOutlet.containsKey(a) ? 1 : 0)) {
          storiesB++;
        }
      }
    }
    List<ContrastRow> rows = new ArrayList<>();
    for (String frame : frames) {
      // strata: a's stories with b's counts in them, then b's other stories merged into one
      int k = ofA.size() + 1;
      long[] nA = new long[k];
      long[] xA = new long[k];
      long[] nB = new long[k];
      long[] xB = new long[k];
      int s = 0;
      long usedA = 0;
      long bInAStories = 0;
      long bWithFrameInAStories = 0;
      for (Map.Entry<String, Cell> e : ofA.entrySet()) {
        nA[s] = e.getValue().articles;
        xA[s] = e.getValue().withFrame.getOrDefault(frame, 0L);
        usedA += xA[s];
        Map<String, Cell> inStory = stories.get(e.getKey());
        for (Map.Entry<String, Cell> o : inStory.entrySet()) {
          if (o.getKey().equals(a) || (b != null && !o.getKey().equals(b))) {
            continue;
          }
          nB[s] += o.getValue().articles;
          xB[s] += o.getValue().withFrame.getOrDefault(frame, 0L);
        }
        bInAStories += nB[s];
        bWithFrameInAStories += xB[s];
        s++;
      }
      long withFrameB = totalWithFrameB.getOrDefault(frame, 0L);
      nB[s] = articlesB - bInAStories;
      xB[s] = withFrameB - bWithFrameInAStories;
      if (usedA + withFrameB == 0) {
        continue;
      }
      rows.add(
          new ContrastRow(
              frame,
              a,
              b == null ? ALL_OTHERS : b,
              ofA.size(),
              storiesB,
              articlesA,
              articlesB,
              StratifiedContrast.of(nA, xA, nB, xB)));
    }
    return rows;
  }
}

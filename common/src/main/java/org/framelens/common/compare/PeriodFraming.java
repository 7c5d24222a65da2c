package org.framelens.common.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.framelens.common.stats.FramingStats;

/**
 * The outlets of one period with their counts per frame, and the rows of {@code outlet_frames} and
 * {@code outlet_pairs} computed from them. Counts come in as day-level sums; since every article
 * belongs to exactly one day, a week's or the run's counts (distinct articles included) are the
 * sums of its days'.
 */
public final class PeriodFraming {
  /** One row of {@code outlet_frames} without the period and run-wide columns. */
  public record FrameRow(
      String outlet,
      String frame,
      long articles,
      long articlesWithFrame,
      long hits,
      long hitsOwn,
      long hitsQuoted,
      long tokens,
      double share,
      double shareCiLow,
      double shareCiHigh,
      double ratePer10kTokens,
      Double logOddsZ,
      long articlesDatedByCrawl) {}

  /** One row of {@code outlet_pairs} without the period and run-wide columns. */
  public record PairRow(
      String outletA,
      String outletB,
      long articlesA,
      long articlesB,
      long hitsA,
      long hitsB,
      double jsDistance) {}

  private static final class Outlet {
    long articles;
    long tokens;
    long datedByCrawl;
    boolean hasArticles;
    final long[] articlesWithFrame;
    final long[] hits;
    final long[] hitsOwn;
    final long[] hitsQuoted;

    Outlet(int frames) {
      articlesWithFrame = new long[frames];
      hits = new long[frames];
      hitsOwn = new long[frames];
      hitsQuoted = new long[frames];
    }
  }

  private final List<String> frames;
  private final Map<String, Integer> frameIndex = new HashMap<>();
  private final TreeMap<String, Outlet> outlets = new TreeMap<>(CodePointOrder.INSTANCE);

  /**
   * @param frames the lexicon's frames: every outlet gets a row for each, zeros included
   */
  public PeriodFraming(List<String> frames) {
    this.frames = List.copyOf(frames);
    for (int i = 0; i < this.frames.size(); i++) {
      frameIndex.put(this.frames.get(i), i);
    }
  }

  private Outlet outlet(String name) {
    return outlets.computeIfAbsent(name, n -> new Outlet(frames.size()));
  }

  /** Adds articles of an outlet (one day's, or any part of the period). */
  public void addArticles(String outlet, long articles, long tokens, long datedByCrawl) {
    Outlet o = outlet(outlet);
    o.hasArticles = true;
    o.articles += articles;
    o.tokens += tokens;
    o.datedByCrawl += datedByCrawl;
  }

  /**
   * Adds an outlet's hits of one frame; {@code articlesWithFrame} counts distinct articles, so the
   * parts added must not share articles (different days do not). Frames outside the lexicon are
   * ignored.
   */
  public void addFrame(
      String outlet, String frame, long articlesWithFrame, long hits, long own, long quoted) {
    Integer f = frameIndex.get(frame);
    if (f == null) {
      return;
    }
    Outlet o = outlet(outlet);
    o.articlesWithFrame[f] += articlesWithFrame;
    o.hits[f] += hits;
    o.hitsOwn[f] += own;
    o.hitsQuoted[f] += quoted;
  }

  /**
   * Rows of {@code outlet_frames}: every outlet with articles in the period × every frame. The
   * log-odds compare the outlet with all other outlets of the period, with the whole run's frame
   * hits as the prior.
   *
   * @param priorHits the run's hits per frame (a frame without hits in the run has no z)
   * @param priorTotal the run's hits of all frames
   */
  public List<FrameRow> frameRows(Map<String, Long> priorHits, long priorTotal) {
    long[] frameTotals = new long[frames.size()];
    long periodTotal = 0;
    for (Outlet o : outlets.values()) {
      if (o.hasArticles) {
        for (int f = 0; f < frames.size(); f++) {
          frameTotals[f] += o.hits[f];
          periodTotal += o.hits[f];
        }
      }
    }
    List<FrameRow> rows = new ArrayList<>();
    for (Map.Entry<String, Outlet> e : outlets.entrySet()) {
      Outlet o = e.getValue();
      if (!o.hasArticles) {
        continue;
      }
      long outletTotal = Arrays.stream(o.hits).sum();
      for (int f = 0; f < frames.size(); f++) {
        double[] ci = FramingStats.wilson95(o.articlesWithFrame[f], o.articles);
        Long alphaW = priorHits.get(frames.get(f));
        Double z = null;
        if (alphaW != null) {
          double v =
              FramingStats.logOddsZ(
                  o.hits[f],
                  outletTotal,
                  frameTotals[f] - o.hits[f],
                  periodTotal - outletTotal,
                  alphaW,
                  priorTotal);
          z = Double.isNaN(v) ? null : v;
        }
        rows.add(
            new FrameRow(
                e.getKey(),
                frames.get(f),
                o.articles,
                o.articlesWithFrame[f],
                o.hits[f],
                o.hitsOwn[f],
                o.hitsQuoted[f],
                o.tokens,
                (double) o.articlesWithFrame[f] / o.articles,
                ci[0],
                ci[1],
                o.tokens > 0 ? o.hits[f] * 10000.0 / o.tokens : 0.0,
                z,
                o.datedByCrawl));
      }
    }
    return rows;
  }

  /**
   * Rows of {@code outlet_pairs}, produced lazily (the pairs grow with the square of the outlets):
   * every two outlets with frame hits in the period, {@code outletA} the smaller id. An outlet
   * without hits has no frame distribution to compare: its pairs would only repeat its article
   * count (in {@code outlet_frames}) once per other outlet, and in a crawl of many small sites they
   * would be nearly all the rows.
   */
  public Iterator<PairRow> pairRows() {
    List<String> names = new ArrayList<>();
    List<Outlet> list = new ArrayList<>();
    for (Map.Entry<String, Outlet> e : outlets.entrySet()) {
      if (e.getValue().hasArticles && Arrays.stream(e.getValue().hits).sum() > 0) {
        names.add(e.getKey());
        list.add(e.getValue());
      }
    }
    // the distance sums over frames in name order, as the table has always done
    Integer[] order = new Integer[frames.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> CodePointOrder.INSTANCE.compare(frames.get(x), frames.get(y)));
    double[][] vectors = new double[list.size()][];
    long[] totals = new long[list.size()];
    for (int i = 0; i < list.size(); i++) {
      vectors[i] = new double[order.length];
      for (int k = 0; k < order.length; k++) {
        vectors[i][k] = list.get(i).hits[order[k]];
        totals[i] += list.get(i).hits[order[k]];
      }
    }
    return new Iterator<>() {
      int a = 0;
      int b = 1;

      @Override
      public boolean hasNext() {
        return b < list.size();
      }

      @Override
      public PairRow next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        PairRow row =
            new PairRow(
                names.get(a),
                names.get(b),
                list.get(a).articles,
                list.get(b).articles,
                totals[a],
                totals[b],
                FramingStats.jensenShannonDistance(vectors[a], vectors[b]));
        if (++b == list.size()) {
          a++;
          b = a + 1;
        }
        return row;
      }
    };
  }
}

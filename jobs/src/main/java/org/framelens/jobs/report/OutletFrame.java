package org.framelens.jobs.report;

/** One outlet and frame over the whole run: outlet_frames summed over its periods. */
public record OutletFrame(
    String outlet,
    String frame,
    long articles,
    long articlesWithFrame,
    long hits,
    long hitsOwn,
    long hitsQuoted) {

  /** Share of the outlet's articles with at least one hit of the frame; NaN without articles. */
  public double share() {
    return articles == 0 ? Double.NaN : (double) articlesWithFrame / articles;
  }
}

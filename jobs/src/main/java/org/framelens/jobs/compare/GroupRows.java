package org.framelens.jobs.compare;

import java.io.Serializable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.compare.Period;
import org.framelens.common.compare.PeriodFraming;
import org.framelens.common.compare.StoryContrasts;
import org.framelens.common.compare.StoryFraming;
import org.framelens.common.compare.TermChoice;
import org.framelens.common.schema.Tables;
import org.framelens.common.stats.StratifiedContrast;
import org.framelens.jobs.spark.SparkRows;

/**
 * The per-group functions of the comparison tables, shared by both ways of grouping ({@link
 * SparkComparisons}, {@link LocalComparisons}): each turns one group (a period's day cells, an
 * outlet's frame's written forms, a story's members) into the table's rows, with the statistics of
 * {@code org.framelens.common.compare}. They read the group's rows by name, so the two ways of
 * grouping agree on the row types declared here and nothing else.
 *
 * <p>A group's rows arrive in no particular order (Spark's grouping gives none), and the rows made
 * of a group do not depend on it.
 */
final class GroupRows {
  private GroupRows() {}

  /**
   * Day-level counts: per (outlet, date) a row of article totals (frame null, the frame counts 0),
   * per (outlet, date, frame) a row of hit counts (the article counts 0). In Spark the date is a
   * {@code java.sql.Date}, on the driver a {@link LocalDate} (see {@link #localDate}).
   */
  static final StructType DAY_CELL =
      new StructType()
          .add("outlet", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("frame", DataTypes.StringType)
          .add("articles", DataTypes.LongType)
          .add("tokens", DataTypes.LongType)
          .add("dated_by_crawl", DataTypes.LongType)
          .add("articles_with_frame", DataTypes.LongType)
          .add("hits", DataTypes.LongType)
          .add("hits_own", DataTypes.LongType)
          .add("hits_quoted", DataTypes.LongType);

  /** Hits per written form of a lexicon term in an outlet; grouped by (outlet, frame). */
  static final StructType TERM_FORM =
      new StructType()
          .add("outlet", DataTypes.StringType)
          .add("frame", DataTypes.StringType)
          .add("lang", DataTypes.StringType)
          .add("term", DataTypes.StringType)
          .add("matched_text", DataTypes.StringType)
          .add("hits", DataTypes.LongType)
          .add("hits_quoted", DataTypes.LongType);

  /**
   * One row about a story's members, by kind: "a" a member article (outlet, date), "e" an entity a
   * member mentions (name), "h" a frame hit of a member (outlet, frame as name, quoted).
   */
  static final StructType STORY_MEMBER =
      new StructType()
          .add("story_id", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("outlet", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("name", DataTypes.StringType)
          .add("quoted", DataTypes.BooleanType);

  /**
   * Articles of a story and outlet in a period (story_contrasts): frame null for all of them, else
   * those with at least one hit of the frame; grouped by period key. An article in no story is a
   * story of its own, named by its id.
   */
  static final StructType STORY_CELL =
      new StructType()
          .add("period_key", DataTypes.StringType)
          .add("story_id", DataTypes.StringType)
          .add("outlet", DataTypes.StringType)
          .add("frame", DataTypes.StringType)
          .add("articles", DataTypes.LongType);

  /** The periods of story_contrasts: a day holds too few articles of a story to compare. */
  static List<Period> contrastPeriods(LocalDate date) {
    return List.of(Period.week(date), Period.run());
  }

  // Rows are built per group and per record: each type's name index is built once per JVM.
  static final SparkRows.Shape DAY_CELL_ROW = SparkRows.shape(DAY_CELL);
  static final SparkRows.Shape TERM_FORM_ROW = SparkRows.shape(TERM_FORM);
  static final SparkRows.Shape STORY_MEMBER_ROW = SparkRows.shape(STORY_MEMBER);
  static final SparkRows.Shape STORY_CELL_ROW = SparkRows.shape(STORY_CELL);
  private static final SparkRows.Shape STORY_CONTRASTS = SparkRows.shape(Tables.STORY_CONTRASTS);
  private static final SparkRows.Shape OUTLET_FRAMES = SparkRows.shape(Tables.OUTLET_FRAMES);
  private static final SparkRows.Shape OUTLET_PAIRS = SparkRows.shape(Tables.OUTLET_PAIRS);
  private static final SparkRows.Shape FRAME_TERMS = SparkRows.shape(Tables.FRAME_TERMS);
  private static final SparkRows.Shape STORY_FRAMES = SparkRows.shape(Tables.STORY_FRAMES);

  /** What every comparison row ends with. */
  record Stamp(boolean copiesIncluded, String lexiconVersion) implements Serializable {}

  /** The run's frame hits (the log-odds prior) and first day, from all its day cells. */
  record RunTotals(HashMap<String, Long> prior, long priorTotal, LocalDate runStart)
      implements Serializable {}

  /** A date column's value: java.sql.Date from Spark rows, LocalDate from the driver's groups. */
  static LocalDate localDate(Object value) {
    return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
  }

  /** Reads the day cells of one period into a {@link PeriodFraming}. */
  private static PeriodFraming periodFraming(List<String> frames, Iterator<Row> cells) {
    PeriodFraming period = new PeriodFraming(frames);
    while (cells.hasNext()) {
      Row c = cells.next();
      if (c.isNullAt(c.fieldIndex("frame"))) {
        period.addArticles(
            c.getAs("outlet"),
            c.<Long>getAs("articles"),
            c.<Long>getAs("tokens"),
            c.<Long>getAs("dated_by_crawl"));
      } else {
        period.addFrame(
            c.getAs("outlet"),
            c.getAs("frame"),
            c.<Long>getAs("articles_with_frame"),
            c.<Long>getAs("hits"),
            c.<Long>getAs("hits_own"),
            c.<Long>getAs("hits_quoted"));
      }
    }
    return period;
  }

  /** The period's first day; the run period starts on the run's first day. */
  private static Date start(Period p, LocalDate runStart) {
    return Date.valueOf(p.start() != null ? p.start() : runStart);
  }

  /** outlet_frames of one period, from its day cells; the key is the period's. */
  static final class OutletFramesOfPeriod implements FlatMapGroupsFunction<String, Row, Row> {
    private final ArrayList<String> frames;
    private final RunTotals totals;
    private final Stamp stamp;

    OutletFramesOfPeriod(ArrayList<String> frames, RunTotals totals, Stamp stamp) {
      this.frames = frames;
      this.totals = totals;
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> cells) {
      Period p = Period.fromKey(key);
      Date start = start(p, totals.runStart());
      List<Row> rows = new ArrayList<>();
      for (PeriodFraming.FrameRow f :
          periodFraming(frames, cells).frameRows(totals.prior(), totals.priorTotal())) {
        rows.add(
            OUTLET_FRAMES
                .row()
                .set("outlet", f.outlet())
                .set("period_type", p.type())
                .set("period", start)
                .set("period_label", p.label())
                .set("frame", f.frame())
                .set("articles", f.articles())
                .set("articles_with_frame", f.articlesWithFrame())
                .set("hits", f.hits())
                .set("hits_own", f.hitsOwn())
                .set("hits_quoted", f.hitsQuoted())
                .set("tokens", f.tokens())
                .set("share", f.share())
                .set("share_ci_low", f.shareCiLow())
                .set("share_ci_high", f.shareCiHigh())
                .set("rate_per_10k_tokens", f.ratePer10kTokens())
                .set("log_odds_z", f.logOddsZ())
                .set("articles_dated_by_crawl", f.articlesDatedByCrawl())
                .set("copies_included", stamp.copiesIncluded())
                .set("lexicon_version", stamp.lexiconVersion())
                .build());
      }
      return rows.iterator();
    }
  }

  /**
   * outlet_pairs of one period, from its day cells; the key is the period's. The rows are made as
   * they are consumed: a period has a row per pair of outlets.
   */
  static final class OutletPairsOfPeriod implements FlatMapGroupsFunction<String, Row, Row> {
    private final ArrayList<String> frames;
    private final LocalDate runStart;
    private final Stamp stamp;

    OutletPairsOfPeriod(ArrayList<String> frames, LocalDate runStart, Stamp stamp) {
      this.frames = frames;
      this.runStart = runStart;
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> cells) {
      Period p = Period.fromKey(key);
      Date start = start(p, runStart);
      Iterator<PeriodFraming.PairRow> pairs = periodFraming(frames, cells).pairRows();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pairs.hasNext();
        }

        @Override
        public Row next() {
          PeriodFraming.PairRow r = pairs.next();
          return OUTLET_PAIRS
              .row()
              .set("period_type", p.type())
              .set("period", start)
              .set("period_label", p.label())
              .set("outlet_a", r.outletA())
              .set("outlet_b", r.outletB())
              .set("articles_a", r.articlesA())
              .set("articles_b", r.articlesB())
              .set("hits_a", r.hitsA())
              .set("hits_b", r.hitsB())
              .set("js_distance", r.jsDistance())
              .set("copies_included", stamp.copiesIncluded())
              .set("lexicon_version", stamp.lexiconVersion())
              .build();
        }
      };
    }
  }

  /** frame_terms of one (outlet, frame), from its {@link #TERM_FORM} rows. */
  static final class FrameTermsOfOutlet implements FlatMapGroupsFunction<String, Row, Row> {
    private final Stamp stamp;

    FrameTermsOfOutlet(Stamp stamp) {
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> forms) {
      TermChoice choice = new TermChoice();
      String outlet = null;
      String frame = null;
      while (forms.hasNext()) {
        Row f = forms.next();
        outlet = f.getAs("outlet");
        frame = f.getAs("frame");
        choice.add(
            f.getAs("lang"),
            f.getAs("term"),
            f.getAs("matched_text"),
            f.<Long>getAs("hits"),
            f.<Long>getAs("hits_quoted"));
      }
      List<Row> out = new ArrayList<>();
      for (TermChoice.TermRow t : choice.rows()) {
        out.add(
            FRAME_TERMS
                .row()
                .set("outlet", outlet)
                .set("frame", frame)
                .set("lang", t.lang())
                .set("term", t.term())
                .set("hits", t.hits())
                .set("hits_quoted", t.hitsQuoted())
                .set("share_of_frame", t.shareOfFrame())
                .set("example", t.example())
                .set("copies_included", stamp.copiesIncluded())
                .set("lexicon_version", stamp.lexiconVersion())
                .build());
      }
      return out.iterator();
    }
  }

  /** story_frames of one story, from its {@link #STORY_MEMBER} rows; the key is the story id. */
  static final class StoryFramesOfStory implements FlatMapGroupsFunction<String, Row, Row> {
    private final Stamp stamp;

    StoryFramesOfStory(Stamp stamp) {
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String storyId, Iterator<Row> members) {
      StoryFraming story = new StoryFraming();
      while (members.hasNext()) {
        Row m = members.next();
        switch (m.<String>getAs("kind")) {
          case "a" -> story.addArticle(m.getAs("outlet"), localDate(m.getAs("date")));
          case "e" -> story.addEntity(m.getAs("name"));
          default -> story.addHit(m.getAs("outlet"), m.getAs("name"), m.<Boolean>getAs("quoted"));
        }
      }
      List<Row> out = new ArrayList<>();
      for (StoryFraming.StoryRow s : story.rows()) {
        out.add(
            STORY_FRAMES
                .row()
                .set("story_id", storyId)
                .set("story_label", s.storyLabel())
                .set("story_start", Date.valueOf(s.storyStart()))
                .set("story_end", Date.valueOf(s.storyEnd()))
                .set("story_articles", s.storyArticles())
                .set("story_outlets", s.storyOutlets())
                .set("outlet", s.outlet())
                .set("articles", s.articles())
                .set("frame", s.frame())
                .set("hits", s.hits())
                .set("hits_quoted", s.hitsQuoted())
                .set("copies_included", stamp.copiesIncluded())
                .set("lexicon_version", stamp.lexiconVersion())
                .build());
      }
      return out.iterator();
    }
  }

  /** story_contrasts of one period, from its {@link #STORY_CELL} rows; the key is the period's. */
  static final class StoryContrastsOfPeriod implements FlatMapGroupsFunction<String, Row, Row> {
    private final ArrayList<String> frames;
    private final LocalDate runStart;
    private final Stamp stamp;

    StoryContrastsOfPeriod(ArrayList<String> frames, LocalDate runStart, Stamp stamp) {
      this.frames = frames;
      this.runStart = runStart;
      this.stamp = stamp;
    }

    @Override
    public Iterator<Row> call(String key, Iterator<Row> cells) {
      Period p = Period.fromKey(key);
      Date start = start(p, runStart);
      StoryContrasts contrasts = new StoryContrasts(frames);
      while (cells.hasNext()) {
        Row c = cells.next();
        if (c.isNullAt(c.fieldIndex("frame"))) {
          contrasts.addArticles(c.getAs("story_id"), c.getAs("outlet"), c.<Long>getAs("articles"));
        } else {
          contrasts.addWithFrame(
              c.getAs("story_id"), c.getAs("outlet"), c.getAs("frame"), c.<Long>getAs("articles"));
        }
      }
      List<Row> out = new ArrayList<>();
      for (StoryContrasts.ContrastRow r : contrasts.rows()) {
        StratifiedContrast.Result x = r.contrast();
        out.add(
            STORY_CONTRASTS
                .row()
                .set("period_type", p.type())
                .set("period", start)
                .set("period_label", p.label())
                .set("frame", r.frame())
                .set("outlet_a", r.outletA())
                .set("outlet_b", r.outletB())
                .set("stories_a", r.storiesA())
                .set("stories_b", r.storiesB())
                .set("stories_shared", x.sharedStrata())
                .set("articles_a", r.articlesA())
                .set("articles_b", r.articlesB())
                .set("articles_a_shared", x.sharedA())
                .set("articles_b_shared", x.sharedB())
                .set("with_frame_a_shared", x.sharedWithTraitA())
                .set("with_frame_b_shared", x.sharedWithTraitB())
                .set("share_a_shared", (double) x.sharedWithTraitA() / x.sharedA())
                .set("share_b_shared", (double) x.sharedWithTraitB() / x.sharedB())
                .set("or_mh", x.orMh())
                .set("or_mh_ci_low", x.orMhCiLow())
                .set("or_mh_ci_high", x.orMhCiHigh())
                .set("share_a", x.shareA())
                .set("share_b", x.shareB())
                .set("share_difference", x.difference())
                .set("selection_part", x.selection())
                .set("framing_part", x.framing())
                .set("copies_included", stamp.copiesIncluded())
                .set("lexicon_version", stamp.lexiconVersion())
                .build());
      }
      return out.iterator();
    }
  }
}

package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.compare.CopyEditSummary;
import org.framelens.common.compare.CopyEdits;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.lexicon.Lexicon;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * copy_edits: every near-duplicate copy next to the article its {@code duplicate_of} names, both
 * with their stored text and stored frame hits (the tagger's, as {@code frame_hits} holds them),
 * compared by {@link CopyEdits}. The work is one map over the copies: it grows with the copies and
 * their texts, never with pairs of articles, and it is the same whichever way the other comparison
 * tables are grouped. The edit rows (few: only what changed) and one marker per copy come back to
 * the driver, which adds the per-outlet summary ({@link CopyEditSummary}).
 */
final class CopyEditsTable {
  private CopyEditsTable() {}

  /** The internal row kind that counts a compared copy; never written. */
  private static final String COPY_MARKER = "copy";

  private static final SparkRows.Shape ROW = SparkRows.shape(Tables.COPY_EDITS);

  /**
   * @param articles the articles table
   * @param hits the frame_hits table
   */
  static Dataset<Row> rows(
      SparkSession spark, Dataset<Row> articles, Dataset<Row> hits, String lexiconVersion) {
    StructType type = SparkTables.structType(Tables.COPY_EDITS);
    Dataset<Row> pairs =
        articles
            .filter(col("duplicate_of").isNotNull())
            .select(col("article_id").as("copy_id"), col("duplicate_of").as("original_id"))
            .distinct();
    Dataset<Row> ids =
        pairs
            .select(col("copy_id").as("article_id"))
            .union(pairs.select(col("original_id").as("article_id")))
            .distinct();
    // a page fetched unchanged on several days has one id: its first fetch stands for it
    Dataset<Row> first =
        articles
            .join(ids, SparkTables.seq("article_id"), "left_semi")
            .groupBy("article_id")
            .agg(
                min(struct(
                        "crawl_date",
                        "crawl_time",
                        "published_at",
                        "outlet",
                        "lang",
                        "title",
                        "text"))
                    .as("f"))
            .select("article_id", "f.*");
    Dataset<Row> sideHits =
        hits.filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX).unary_$bang())
            .join(
                first.select("article_id", "crawl_date"),
                SparkTables.seq("article_id", "crawl_date"))
            .groupBy("article_id")
            .agg(
                collect_list(
                        struct(
                            "frame",
                            "lang",
                            "term",
                            "matched_text",
                            "section",
                            "start",
                            "end",
                            "voice",
                            "snippet"))
                    .as("hits"));
    Dataset<Row> sides = first.join(sideHits, SparkTables.seq("article_id"), "left");
    Dataset<Row> copySide = prefixed(sides, "c_");
    Dataset<Row> originalSide = prefixed(sides, "o_");
    Dataset<Row> joined =
        pairs
            .join(copySide, pairs.col("copy_id").equalTo(copySide.col("c_article_id")))
            .join(originalSide, pairs.col("original_id").equalTo(originalSide.col("o_article_id")));
    String version = lexiconVersion;
    FlatMapFunction<Row, Row> compare = r -> editRows(r, version).iterator();
    List<Row> found = joined.flatMap(compare, ExpressionEncoder.apply(type)).collectAsList();
    CopyEditSummary summary = new CopyEditSummary();
    List<Row> out = new ArrayList<>();
    for (Row r : found) {
      String outlet = r.getAs("outlet_copy");
      if (COPY_MARKER.equals(r.getAs("row_kind"))) {
        summary.addCopy(outlet, 1);
        continue;
      }
      summary.addEdit(
          outlet,
          r.getAs("article_id_copy"),
          r.getAs("edit_kind"),
          r.getAs("frame_original"),
          r.getAs("frame_copy"));
      out.add(r);
    }
    // the rows of a table are in no order; sorted here so that runs give the same files
    out.sort(
        (x, y) -> {
          for (String c :
              List.of("article_id_copy", "section", "snippet_original", "edit_kind", "term_copy")) {
            String a = x.getAs(c);
            String b = y.getAs(c);
            int d = a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
            if (d != 0) {
              return d;
            }
          }
          return 0;
        });
    for (CopyEditSummary.OutletRow o : summary.rows()) {
      out.add(
          ROW.row()
              .set("row_kind", "outlet")
              .set("outlet_copy", o.outlet())
              .set("edit_kind", o.kind())
              .set("frame_original", o.frameOriginal())
              .set("frame_copy", o.frameCopy())
              .set("copies", o.copies())
              .set("copies_with_edit", o.copiesWithEdit())
              .set("edits", o.edits())
              .set("share_of_copies", o.shareOfCopies())
              .set("lexicon_version", version)
              .build());
    }
    return spark.createDataFrame(out, type);
  }

  private static Dataset<Row> prefixed(Dataset<Row> ds, String prefix) {
    Dataset<Row> out = ds;
    for (String c : ds.columns()) {
      out = out.withColumnRenamed(c, prefix + c);
    }
    return out;
  }

  /** A copy's edit rows and its marker, from a joined pair (copy columns c_, original o_). */
  static List<Row> editRows(Row r, String lexiconVersion) {
    CopyEdits.Side original = side(r, "o_");
    CopyEdits.Side copy = side(r, "c_");
    Timestamp whenCopy = when(r, "c_");
    Timestamp whenOriginal = when(r, "o_");
    List<Row> rows = new ArrayList<>();
    rows.add(
        ROW.row()
            .set("row_kind", COPY_MARKER)
            .set("outlet_copy", r.getAs("c_outlet"))
            .set("edit_kind", COPY_MARKER)
            .set("lexicon_version", lexiconVersion)
            .build());
    for (CopyEdits.Edit e : CopyEdits.edits(original, copy)) {
      rows.add(
          ROW.row()
              .set("row_kind", "edit")
              .set("outlet_copy", r.getAs("c_outlet"))
              .set("outlet_original", r.getAs("o_outlet"))
              .set("article_id_copy", r.getAs("copy_id"))
              .set("article_id_original", r.getAs("original_id"))
              .set("lang_copy", r.getAs("c_lang"))
              .set("lang_original", r.getAs("o_lang"))
              .set("published_copy", whenCopy)
              .set("published_original", whenOriginal)
              .set("hours_apart", (whenCopy.getTime() - whenOriginal.getTime()) / 3_600_000.0)
              .set("edit_kind", e.kind())
              .set("section", e.section())
              .set("frame_original", e.frameOriginal())
              .set("term_original", e.termOriginal())
              .set("frame_copy", e.frameCopy())
              .set("term_copy", e.termCopy())
              .set("snippet_original", e.snippetOriginal())
              .set("snippet_copy", e.snippetCopy())
              .set("lexicon_version", lexiconVersion)
              .build());
    }
    return rows;
  }

  /** Publication time, else crawl time. */
  private static Timestamp when(Row r, String prefix) {
    Object t = r.getAs(prefix + "published_at");
    if (t == null) {
      t = r.getAs(prefix + "crawl_time");
    }
    return t instanceof Instant i ? Timestamp.from(i) : (Timestamp) t;
  }

  private static CopyEdits.Side side(Row r, String prefix) {
    List<FrameHit> hits = new ArrayList<>();
    int field = r.fieldIndex(prefix + "hits");
    if (!r.isNullAt(field)) {
      for (Row h : r.<Row>getList(field)) {
        hits.add(
            new FrameHit(
                h.getAs("frame"),
                h.getAs("lang"),
                h.getAs("term"),
                h.getAs("matched_text"),
                h.getAs("section"),
                h.<Integer>getAs("start"),
                h.<Integer>getAs("end"),
                h.getAs("voice"),
                h.getAs("snippet")));
      }
    }
    return new CopyEdits.Side(r.getAs(prefix + "title"), r.getAs(prefix + "text"), hits);
  }
}

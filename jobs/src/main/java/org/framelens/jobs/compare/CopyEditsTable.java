package org.framelens.jobs.compare;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.xxhash64;

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
import org.apache.spark.storage.StorageLevel;
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
 * tables are grouped. Verbatim copies (same hash of title and text) are counted and never aligned;
 * the edit rows (few: only what changed) and the copies per outlet come back to the driver, which
 * adds the per-outlet summary ({@link CopyEditSummary}).
 */
final class CopyEditsTable {
  private CopyEditsTable() {}

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
    // A page fetched unchanged on several days has one id: its first fetch stands for it. Only a
    // hash of title and text travels here; most copies are verbatim, and only the pairs whose
    // hashes differ bring their texts and hits along below.
    Dataset<Row> first =
        articles
            .join(ids, SparkTables.seq("article_id"), "left_semi")
            .groupBy("article_id")
            .agg(
                min(struct(
                        col("crawl_date"),
                        col("crawl_time"),
                        col("published_at"),
                        col("outlet"),
                        col("lang"),
                        xxhash64(coalesce(col("title"), lit("")), col("text")).as("text_hash")))
                    .as("f"))
            .select("article_id", "f.*");
    Dataset<Row> copySide = prefixed(first, "c_");
    Dataset<Row> originalSide = prefixed(first, "o_");
    Dataset<Row> joined =
        pairs
            .join(copySide, pairs.col("copy_id").equalTo(copySide.col("c_article_id")))
            .join(originalSide, pairs.col("original_id").equalTo(originalSide.col("o_article_id")))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      CopyEditSummary summary = new CopyEditSummary();
      for (Row r : joined.groupBy("c_outlet").count().collectAsList()) {
        summary.addCopy(r.getAs("c_outlet"), r.<Long>getAs("count"));
      }
      Dataset<Row> changed = joined.filter(col("c_text_hash").notEqual(col("o_text_hash")));
      Dataset<Row> changedIds =
          changed
              .select(col("copy_id").as("article_id"), col("c_crawl_date").as("crawl_date"))
              .union(
                  changed.select(
                      col("original_id").as("article_id"), col("o_crawl_date").as("crawl_date")))
              .distinct();
      Dataset<Row> texts =
          articles
              .select("article_id", "crawl_date", "title", "text")
              .join(changedIds, SparkTables.seq("article_id", "crawl_date"), "left_semi")
              .dropDuplicates("article_id", "crawl_date");
      Dataset<Row> sideHits =
          hits.filter(col("frame").startsWith(Lexicon.ENTITY_PREFIX).unary_$bang())
              .join(changedIds, SparkTables.seq("article_id", "crawl_date"), "left_semi")
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
      Dataset<Row> sides =
          texts.drop("crawl_date").join(sideHits, SparkTables.seq("article_id"), "left");
      Dataset<Row> copyText = prefixed(sides, "ct_");
      Dataset<Row> originalText = prefixed(sides, "ot_");
      Dataset<Row> withText =
          changed
              .join(copyText, changed.col("copy_id").equalTo(copyText.col("ct_article_id")))
              .join(
                  originalText,
                  changed.col("original_id").equalTo(originalText.col("ot_article_id")));
      String version = lexiconVersion;
      FlatMapFunction<Row, Row> compare = r -> editRows(r, version).iterator();
      List<Row> out =
          new ArrayList<>(withText.flatMap(compare, ExpressionEncoder.apply(type)).collectAsList());
      for (Row r : out) {
        summary.addEdit(
            r.getAs("outlet_copy"),
            r.getAs("article_id_copy"),
            r.getAs("edit_kind"),
            r.getAs("frame_original"),
            r.getAs("frame_copy"));
      }
      // the rows of a table are in no order; sorted here so that runs give the same files
      out.sort(
          (x, y) -> {
            for (String c :
                List.of(
                    "article_id_copy", "section", "snippet_original", "edit_kind", "term_copy")) {
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
    } finally {
      joined.unpersist();
    }
  }

  private static Dataset<Row> prefixed(Dataset<Row> ds, String prefix) {
    Dataset<Row> out = ds;
    for (String c : ds.columns()) {
      out = out.withColumnRenamed(c, prefix + c);
    }
    return out;
  }

  /**
   * A copy's edit rows, from a joined pair: fetch columns c_ (copy) and o_ (original), title, text
   * and hits ct_ and ot_.
   */
  static List<Row> editRows(Row r, String lexiconVersion) {
    CopyEdits.Side original = side(r, "ot_");
    CopyEdits.Side copy = side(r, "ct_");
    Timestamp whenCopy = when(r, "c_");
    Timestamp whenOriginal = when(r, "o_");
    List<Row> rows = new ArrayList<>();
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

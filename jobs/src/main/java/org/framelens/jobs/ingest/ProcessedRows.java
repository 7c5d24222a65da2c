package org.framelens.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.pipeline.ArticleRecord;
import org.framelens.common.pipeline.Processed;
import org.framelens.common.pipeline.QuarantineRecord;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * The intermediate row of a run: one per input record, saying what became of it. Articles, hits,
 * quarantine and the summary counters are all selected from this one dataset, so every record is
 * accounted for exactly once.
 */
public final class ProcessedRows {
  private ProcessedRows() {}

  public static final String ARTICLE = "article";
  public static final String SKIPPED = "skipped";
  public static final String QUARANTINED = "quarantined";

  /** The ordinal of a record in its input; with source_file and source_offset it names it. */
  public static final String RECORD_SEQ = "record_seq";

  public static final String SKETCH_BUCKETS = "sketch_buckets";
  public static final String SKETCH_SIGNATURE = "sketch_signature";

  /** Hit columns carried inside the article's row; the rest come from the article. */
  public static final List<String> HIT_FIELDS =
      List.of(
          "frame", "lang", "term", "matched_text", "section", "start", "end", "voice", "snippet");

  static final StructType HIT_TYPE = hitType();

  /**
   * The article inside the row: the articles table without the marks near-duplicate detection adds
   * later (the signature is carried as {@link #SKETCH_SIGNATURE} until then).
   */
  static final StructType ARTICLE_TYPE =
      SparkTables.structTypeWithout(
          Tables.ARTICLES, List.of("text_signature", "duplicate_of", "syndicated"));

  static final StructType QUARANTINE_TYPE = SparkTables.structType(Tables.QUARANTINE);

  // rows are built per record: the name index of each type is built once
  private static final SparkRows.Shape ARTICLE_ROW = SparkRows.shape(ARTICLE_TYPE);
  private static final SparkRows.Shape HIT_ROW = SparkRows.shape(HIT_TYPE);
  private static final SparkRows.Shape QUARANTINE_ROW = SparkRows.shape(QUARANTINE_TYPE);

  public static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("skip_reason", DataTypes.StringType, true)
          .add("source_file", DataTypes.StringType, false)
          .add("source_offset", DataTypes.LongType, true)
          // records of one gzip member share their offset: the ordinal of the record in its input
          // (file or range of a split file) tells them apart
          .add(RECORD_SEQ, DataTypes.LongType, false)
          .add("url", DataTypes.StringType, true)
          .add("article", ARTICLE_TYPE, true)
          .add("hits", DataTypes.createArrayType(HIT_TYPE, false), true)
          .add("quarantine", QUARANTINE_TYPE, true)
          // the article's TextSketch: what near-duplicate detection compares (see Syndication)
          .add(SKETCH_BUCKETS, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
          .add(SKETCH_SIGNATURE, DataTypes.createArrayType(DataTypes.IntegerType, false), true);

  private static final SparkRows.Shape PROCESSED_ROW = SparkRows.shape(SCHEMA);

  private static StructType hitType() {
    StructType all = SparkTables.structType(Tables.FRAME_HITS);
    StructType t = new StructType();
    for (String name : HIT_FIELDS) {
      t = t.add(all.apply(name));
    }
    return t;
  }

  static Row toRow(Processed p, long recordSeq) {
    if (p instanceof Processed.Article a) {
      ArticleRecord r = a.article();
      Row article =
          ARTICLE_ROW
              .row()
              .set("article_id", r.articleId())
              .set("url", r.url())
              .set("host", r.host())
              .set("outlet", r.outlet())
              .set("crawl_time", SparkTables.timestamp(r.crawlTime()))
              .set("published_at", SparkTables.timestamp(r.publishedAt()))
              .set("published_source", r.publishedSource())
              .set("title", r.title())
              .set("author", r.author())
              .set("site_name", r.siteName())
              .set("canonical_url", r.canonicalUrl())
              .set("lang", r.lang())
              .set("lang_confidence", r.langConfidence())
              .set("content_type", r.contentType())
              .set("text", r.text())
              .set("text_chars", r.textChars())
              .set("text_truncated", r.textTruncated())
              .set("token_count", r.tokenCount())
              .set("content_digest", r.contentDigest())
              .set("source_file", r.sourceFile())
              .set("source_offset", r.sourceOffset())
              .set("crawl_date", SparkTables.date(r.crawlDate()))
              .build();
      List<Row> hits = new ArrayList<>(a.hits().size());
      for (FrameHit h : a.hits()) {
        hits.add(
            HIT_ROW
                .row()
                .set("frame", h.frame())
                .set("lang", h.lang())
                .set("term", h.term())
                .set("matched_text", h.matchedText())
                .set("section", h.section())
                .set("start", h.start())
                .set("end", h.end())
                .set("voice", h.voice())
                .set("snippet", h.snippet())
                .build());
      }
      // Spark's Row encoder wants a Scala Seq for array columns.
      // an article kept with a substitute (an unparseable WARC-Date...) carries its fallback row
      return PROCESSED_ROW
          .row()
          .set("kind", ARTICLE)
          .set("source_file", r.sourceFile())
          .set("source_offset", r.sourceOffset())
          .set(RECORD_SEQ, recordSeq)
          .set("url", r.url())
          .set("article", article)
          .set("hits", scala.jdk.javaapi.CollectionConverters.asScala(hits).toSeq())
          .set("quarantine", a.note() == null ? null : quarantineRow(a.note()))
          .set(SKETCH_BUCKETS, a.sketch().isEmpty() ? null : a.sketch().buckets())
          .set(SKETCH_SIGNATURE, a.sketch().isEmpty() ? null : a.sketch().signature())
          .build();
    }
    if (p instanceof Processed.Skipped s) {
      return PROCESSED_ROW
          .row()
          .set("kind", SKIPPED)
          .set("skip_reason", s.reason())
          .set("source_file", s.sourceFile())
          .set("source_offset", s.sourceOffset())
          .set(RECORD_SEQ, recordSeq)
          .set("url", s.url())
          .build();
    }
    QuarantineRecord q = ((Processed.Quarantined) p).record();
    return PROCESSED_ROW
        .row()
        .set("kind", QUARANTINED)
        .set("source_file", q.sourceFile())
        .set("source_offset", q.sourceOffset())
        .set(RECORD_SEQ, recordSeq)
        .set("url", q.url())
        .set("quarantine", quarantineRow(q))
        .build();
  }

  private static Row quarantineRow(QuarantineRecord q) {
    return QUARANTINE_ROW
        .row()
        .set("source_file", q.sourceFile())
        .set("source_offset", q.sourceOffset())
        .set("url", q.url())
        .set("stage", q.stage())
        .set("error_class", q.errorClass())
        .set("message", q.message())
        .set("crawl_date", SparkTables.date(q.crawlDate()))
        .build();
  }
}

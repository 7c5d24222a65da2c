package org.framelens.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.pipeline.ArticleRecord;
import org.framelens.common.pipeline.Processed;
import org.framelens.common.pipeline.QuarantineRecord;
import org.framelens.common.schema.Tables;
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

  public static final String SKETCH_BUCKETS = "sketch_buckets";
  public static final String SKETCH_SIGNATURE = "sketch_signature";

  /** Hit columns carried inside the article's row; the rest come from the article. */
  public static final List<String> HIT_FIELDS =
      List.of(
          "frame", "lang", "term", "matched_text", "section", "start", "end", "voice", "snippet");

  static final StructType HIT_TYPE = hitType();

  public static final StructType SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("skip_reason", DataTypes.StringType, true)
          .add("source_file", DataTypes.StringType, false)
          .add("source_offset", DataTypes.LongType, true)
          .add("url", DataTypes.StringType, true)
          .add(
              "article",
              SparkTables.structTypeWithout(
                  Tables.ARTICLES, List.of("text_signature", "duplicate_of", "syndicated")),
              true)
          .add("hits", DataTypes.createArrayType(HIT_TYPE, false), true)
          .add("quarantine", SparkTables.structType(Tables.QUARANTINE), true)
          // the article's TextSketch: what near-duplicate detection compares (see Syndication)
          .add(SKETCH_BUCKETS, DataTypes.createArrayType(DataTypes.IntegerType, false), true)
          .add(SKETCH_SIGNATURE, DataTypes.createArrayType(DataTypes.IntegerType, false), true);

  private static StructType hitType() {
    StructType all = SparkTables.structType(Tables.FRAME_HITS);
    StructType t = new StructType();
    for (String name : HIT_FIELDS) {
      t = t.add(all.apply(name));
    }
    return t;
  }

  static Row toRow(Processed p) {
    if (p instanceof Processed.Article a) {
      ArticleRecord r = a.article();
      Row article =
          RowFactory.create(
              r.articleId(),
              r.url(),
              r.host(),
              r.outlet(),
              SparkTables.timestamp(r.crawlTime()),
              SparkTables.timestamp(r.publishedAt()),
              r.publishedSource(),
              r.title(),
              r.author(),
              r.siteName(),
              r.canonicalUrl(),
              r.lang(),
              r.langConfidence(),
              r.contentType(),
              r.text(),
              r.textChars(),
              r.textTruncated(),
              r.tokenCount(),
              r.contentDigest(),
              r.sourceFile(),
              r.sourceOffset(),
              SparkTables.date(r.crawlDate()));
      List<Row> hits = new ArrayList<>(a.hits().size());
      for (FrameHit h : a.hits()) {
        hits.add(
            RowFactory.create(
                h.frame(),
                h.lang(),
                h.term(),
                h.matchedText(),
                h.section(),
                h.start(),
                h.end(),
                h.voice(),
                h.snippet()));
      }
      // Spark's Row encoder wants a Scala Seq for array columns.
      // an article kept with a substitute (an unparseable WARC-Date...) carries its fallback row
      return RowFactory.create(
          ARTICLE,
          null,
          r.sourceFile(),
          r.sourceOffset(),
          r.url(),
          article,
          scala.jdk.javaapi.CollectionConverters.asScala(hits).toSeq(),
          a.note() == null ? null : quarantineRow(a.note()),
          a.sketch().isEmpty() ? null : a.sketch().buckets(),
          a.sketch().isEmpty() ? null : a.sketch().signature());
    }
    if (p instanceof Processed.Skipped s) {
      return RowFactory.create(
          SKIPPED,
          s.reason(),
          s.sourceFile(),
          s.sourceOffset(),
          s.url(),
          null,
          null,
          null,
          null,
          null);
    }
    QuarantineRecord q = ((Processed.Quarantined) p).record();
    return RowFactory.create(
        QUARANTINED,
        null,
        q.sourceFile(),
        q.sourceOffset(),
        q.url(),
        null,
        null,
        quarantineRow(q),
        null,
        null);
  }

  private static Row quarantineRow(QuarantineRecord q) {
    return RowFactory.create(
        q.sourceFile(),
        q.sourceOffset(),
        q.url(),
        q.stage(),
        q.errorClass(),
        q.message(),
        SparkTables.date(q.crawlDate()));
  }
}

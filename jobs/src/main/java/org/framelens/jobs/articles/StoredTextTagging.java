package org.framelens.jobs.articles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.framelens.common.lexicon.FrameHit;
import org.framelens.common.lexicon.FrameTagger;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;
import org.framelens.common.schema.Tables;
import org.framelens.jobs.spark.SparkRows;
import org.framelens.jobs.spark.SparkTables;

/**
 * Frame hits of stored articles, tagged again from their stored title and text: how {@code retag}
 * and a nightly lexicon change derive {@code frame_hits} without reading or parsing any document.
 * The tagger is built once per executor thread and configuration.
 */
public final class StoredTextTagging {
  private StoredTextTagging() {}

  private static final ThreadLocal<Map<ProcessingConfig, FrameTagger>> TAGGERS =
      ThreadLocal.withInitial(HashMap::new);

  /** Hits of every article for the lexicon in {@code processing} (no I/O). */
  public static Dataset<Row> tag(
      Dataset<Row> articles, ProcessingConfig processing, String lexiconVersion) {
    return tag(articles, processing, lexiconVersion, null, null);
  }

  /**
   * As {@link #tag(Dataset, ProcessingConfig, String)}, counting articles and hits into the
   * accumulators (when not null); the counts are exact when the result is written by one action.
   */
  public static Dataset<Row> tag(
      Dataset<Row> articles,
      ProcessingConfig processing,
      String lexiconVersion,
      LongAccumulator articlesTagged,
      LongAccumulator hitsFound) {
    StructType hitType = SparkTables.structType(Tables.FRAME_HITS);
    Dataset<Row> input =
        articles.select(
            "article_id", "outlet", "lang", "title", "text", "published_at", "crawl_date");
    MapPartitionsFunction<Row, Row> fn =
        rows ->
            new HitIterator(rows, tagger(processing), lexiconVersion, articlesTagged, hitsFound);
    return input.mapPartitions(fn, ExpressionEncoder.apply(hitType));
  }

  private static FrameTagger tagger(ProcessingConfig config) {
    return TAGGERS
        .get()
        .computeIfAbsent(
            config,
            c -> {
              ProcessingResources r = ProcessingResources.forConfig(c);
              return new FrameTagger(r.lexicon(), r.languages());
            });
  }

  /** Lazily turns article rows into hit rows. */
  private static final class HitIterator implements Iterator<Row> {
    private final Iterator<Row> articles;
    private final FrameTagger tagger;
    private final String lexiconVersion;
    private final LongAccumulator articlesTagged;
    private final LongAccumulator hitsFound;
    private Iterator<Row> current = Collections.emptyIterator();

    HitIterator(
        Iterator<Row> articles,
        FrameTagger tagger,
        String lexiconVersion,
        LongAccumulator articlesTagged,
        LongAccumulator hitsFound) {
      this.articles = articles;
      this.tagger = tagger;
      this.lexiconVersion = lexiconVersion;
      this.articlesTagged = articlesTagged;
      this.hitsFound = hitsFound;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && articles.hasNext()) {
        Row a = articles.next();
        String text = a.getAs("text") == null ? "" : a.<String>getAs("text");
        List<String> paragraphs = text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        List<Row> rows = new ArrayList<>();
        for (FrameHit h : tagger.tag(a.getAs("title"), paragraphs, a.getAs("lang")).allHits()) {
          rows.add(
              SparkRows.of(Tables.FRAME_HITS)
                  .set("article_id", a.getAs("article_id"))
                  .set("outlet", a.getAs("outlet"))
                  .set("lang", h.lang())
                  .set("frame", h.frame())
                  .set("term", h.term())
                  .set("matched_text", h.matchedText())
                  .set("section", h.section())
                  .set("start", h.start())
                  .set("end", h.end())
                  .set("voice", h.voice())
                  .set("snippet", h.snippet())
                  .set("published_at", a.getAs("published_at"))
                  .set("lexicon_version", lexiconVersion)
                  .set("crawl_date", a.getAs("crawl_date"))
                  .build());
        }
        if (articlesTagged != null) {
          articlesTagged.add(1);
          hitsFound.add(rows.size());
        }
        current = rows.iterator();
      }
      return current.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}

package org.framelens.jobs.articles;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framelens.common.dedup.NearDuplicates;
import org.framelens.common.validate.OutletCoverage;
import org.framelens.jobs.ingest.ProcessedRows;

/**
 * The article rows of a pass as the driver sees them, collected in one job without their texts:
 * which record names each row, its URL, crawl day and time, its signature and hit count. From them
 * the driver decides which fetch of a URL and day is kept (the same order as {@link
 * ArticleTables#latestPerUrlAndCrawlDate}: latest crawl time, then smallest source file and offset)
 * and what the kept articles add up to, without a shuffle.
 */
final class ArticleKeys {
  /**
   * One input record: (source_file, source_offset, record_seq); the offset alone does not name it
   * (the records of one gzip member share it).
   */
  record Source(String file, long offset, long seq) {}

  static final StructType SOURCE =
      new StructType()
          .add("_file", DataTypes.StringType, false)
          .add("_offset", DataTypes.LongType, false)
          .add("_seq", DataTypes.LongType, false);

  private record Key(
      String url,
      Date day,
      Long time,
      String file,
      Long offset,
      long seq,
      String articleId,
      Long t,
      int[] signature,
      int hits,
      String outlet,
      String lang,
      int textChars) {}

  private record UrlDay(String url, Date day) {}

  private record OutletDay(String outlet, Date day) {}

  // Spark's order of the window it replaces: time descending (nulls last), then file and offset
  // ascending (nulls first), strings by their UTF-8 bytes
  private static final Comparator<Key> LATEST_FIRST =
      Comparator.comparing(Key::time, Comparator.nullsLast(Comparator.<Long>reverseOrder()))
          .thenComparing(Key::file, Comparator.nullsFirst(ArticleKeys::compareUtf8))
          .thenComparing(Key::offset, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
          .thenComparingLong(Key::seq);

  private final List<Source> superseded;
  private final List<NearDuplicates.Doc> keptDocs;
  private final ArticleTables.KeptArticles kept;

  private ArticleKeys(
      List<Source> superseded, List<NearDuplicates.Doc> keptDocs, ArticleTables.KeptArticles kept) {
    this.superseded = superseded;
    this.keptDocs = keptDocs;
    this.kept = kept;
  }

  /** Collects the keys of the article rows ({@link ArticleTables#articleRows}) in one job. */
  static ArticleKeys collect(Dataset<Row> articleRows) {
    List<Row> collected =
        articleRows
            .select(
                col("article.url").as("url"),
                col("article.crawl_date").as("day"),
                col("article.crawl_time").as("time"),
                col("article.source_file").as("file"),
                col("article.source_offset").as("offset"),
                col(ProcessedRows.RECORD_SEQ).as("seq"),
                col("article.article_id").as("article_id"),
                coalesce(col("article.published_at"), col("article.crawl_time")).as("t"),
                col(ProcessedRows.SKETCH_SIGNATURE).as("signature"),
                when(col("hits").isNull(), lit(0)).otherwise(size(col("hits"))).as("hit_count"),
                col("article.outlet").as("outlet"),
                col("article.lang").as("lang"),
                col("article.text_chars").as("text_chars"))
            .collectAsList();
    List<Key> keys = new ArrayList<>(collected.size());
    for (Row r : collected) {
      List<Integer> sig =
          r.isNullAt(r.fieldIndex("signature")) ? null : r.getList(r.fieldIndex("signature"));
      keys.add(
          new Key(
              r.getAs("url"),
              r.getAs("day"),
              micros(r.getAs("time")),
              r.getAs("file"),
              r.getAs("offset"),
              r.<Long>getAs("seq"),
              r.getAs("article_id"),
              micros(r.getAs("t")),
              sig == null ? null : ints(sig),
              r.<Integer>getAs("hit_count"),
              r.getAs("outlet"),
              r.getAs("lang"),
              r.isNullAt(r.fieldIndex("text_chars")) ? 0 : r.<Integer>getAs("text_chars")));
    }
    return decide(keys);
  }

  private static ArticleKeys decide(List<Key> keys) {
    Map<UrlDay, Key> latest = new HashMap<>();
    for (Key k : keys) {
      latest.merge(
          new UrlDay(k.url(), k.day()), k, (a, b) -> LATEST_FIRST.compare(a, b) <= 0 ? a : b);
    }
    Set<Key> keptKeys = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    keptKeys.addAll(latest.values());
    List<Source> superseded = new ArrayList<>();
    List<NearDuplicates.Doc> docs = new ArrayList<>();
    long articles = 0;
    long hitRows = 0;
    Map<OutletDay, long[]> counts = new LinkedHashMap<>();
    Map<OutletDay, Set<String>> languages = new HashMap<>();
    for (Key k : keys) {
      if (!keptKeys.contains(k)) {
        superseded.add(new Source(k.file(), k.offset(), k.seq()));
        continue;
      }
      articles++;
      hitRows += k.hits();
      if (k.signature() != null) {
        docs.add(new NearDuplicates.Doc(k.articleId(), k.t(), k.signature()));
      }
      OutletDay od = new OutletDay(k.outlet(), k.day());
      long[] c = counts.computeIfAbsent(od, x -> new long[2]);
      c[0]++;
      if (k.textChars() < OutletCoverage.SHORT_TEXT_CHARS) {
        c[1]++;
      }
      Set<String> langs = languages.computeIfAbsent(od, x -> new HashSet<>());
      if (k.lang() != null) {
        langs.add(k.lang());
      }
    }
    List<OutletCoverage.DayCounts> byDay = new ArrayList<>();
    counts.forEach(
        (od, c) ->
            byDay.add(
                new OutletCoverage.DayCounts(
                    od.outlet(),
                    od.day() == null ? null : od.day().toLocalDate(),
                    c[0],
                    0,
                    c[1],
                    Set.copyOf(languages.get(od)))));
    return new ArticleKeys(
        superseded, docs, new ArticleTables.KeptArticles(articles, hitRows, byDay));
  }

  /** The records of fetches a later fetch of the same URL and crawl day replaces. */
  List<Source> superseded() {
    return superseded;
  }

  /** The kept articles that have a text signature, as near-duplicate detection takes them. */
  List<NearDuplicates.Doc> keptDocs() {
    return keptDocs;
  }

  ArticleTables.KeptArticles kept() {
    return kept;
  }

  static Long micros(Timestamp t) {
    if (t == null) {
      return null;
    }
    return Math.addExact(Math.multiplyExact(t.getTime() / 1000, 1_000_000L), t.getNanos() / 1000);
  }

  static int[] ints(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static int compareUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}

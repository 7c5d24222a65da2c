package org.framelens.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.framelens.common.input.InputFiles;
import org.framelens.common.input.ReadOutcome;
import org.framelens.common.input.WarcDocumentReader;
import org.framelens.common.pipeline.ArticleProcessor;
import org.framelens.common.pipeline.ProcessingConfig;
import org.framelens.common.pipeline.ProcessingResources;

/**
 * Streams one partition of input files: opens each file only when the previous one is done and
 * yields one row per record, never holding more than one document in memory.
 */
public final class PartitionProcessor implements Iterator<Row> {
  /** One processor (Tika parser, tokenizer) per executor thread, reused across tasks. */
  private static final ThreadLocal<java.util.Map<ProcessingConfig, ArticleProcessor>> PROCESSORS =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private final Iterator<InputFile> files;
  private final ProcessingConfig config;
  private final Configuration hadoopConf;
  private final StageAccumulators acc;
  private final ArticleProcessor processor;
  private final long parse0;
  private final long detect0;
  private final long tag0;
  private final long sketch0;
  private final long started = System.nanoTime();

  private Iterator<ReadOutcome> current = Collections.emptyIterator();
  private AutoCloseable currentResource;
  private Row pending;
  private boolean flushed;
  // ordinal of the next record in the current input
  private long recordSeq;

  public PartitionProcessor(
      Iterator<InputFile> files,
      ProcessingConfig config,
      Configuration hadoopConf,
      StageAccumulators acc) {
    this.files = files;
    this.config = config;
    this.hadoopConf = hadoopConf;
    this.acc = acc;
    this.processor =
        PROCESSORS
            .get()
            .computeIfAbsent(config, c -> new ArticleProcessor(ProcessingResources.forConfig(c)));
    this.parse0 = processor.times().parse;
    this.detect0 = processor.times().detect;
    this.tag0 = processor.times().tag;
    this.sketch0 = processor.times().sketch;
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    long t0 = System.nanoTime();
    ReadOutcome outcome = nextOutcome();
    acc.readNanos.add(System.nanoTime() - t0);
    if (outcome == null) {
      flushTimes();
      return false;
    }
    pending = ProcessedRows.toRow(processor.process(outcome), recordSeq++);
    acc.records.add(1);
    String kind = pending.getAs("kind");
    if (kind.equals(ProcessedRows.ARTICLE)) {
      acc.articles.add(1);
    } else if (kind.equals(ProcessedRows.QUARANTINED)) {
      acc.quarantined.add(1);
    }
    return true;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = pending;
    pending = null;
    return r;
  }

  private ReadOutcome nextOutcome() {
    while (true) {
      if (current.hasNext()) {
        return current.next();
      }
      closeCurrent();
      if (!files.hasNext()) {
        return null;
      }
      open(files.next());
    }
  }

  private void open(InputFile file) {
    recordSeq = 0;
    if (file.skipped() != null) {
      current =
          java.util.List.<ReadOutcome>of(
                  new ReadOutcome.Failed(
                      file.path(),
                      null,
                      null,
                      file.modified(),
                      file.skipped().errorClass(),
                      file.skipped().message()))
              .iterator();
      return;
    }
    if (file.size() == 0) {
      current =
          java.util.List.<ReadOutcome>of(ReadOutcome.Failed.emptyFile(file.path(), file.modified()))
              .iterator();
      return;
    }
    Path path = new Path(file.path());
    InputStream in = null;
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      in = fs.open(path);
      if (file.isRange()) {
        // a range of a split .warc.gz: starts at a record start, ends before the next range's
        ((org.apache.hadoop.fs.FSDataInputStream) in).seek(file.start());
        in =
            org.apache.commons.io.input.BoundedInputStream.builder()
                .setInputStream(in)
                .setMaxCount(file.end() - file.start())
                .get();
      }
      if (InputFiles.isCrawl(path.getName())) {
        WarcDocumentReader reader =
            new WarcDocumentReader(
                in,
                file.path(),
                config.maxDocumentBytes(),
                file.start(),
                file.isRange() ? file.end() : file.size(),
                file.modified(),
                offset -> {
                  // after a broken stretch: reading resumes at the next record start
                  org.apache.hadoop.fs.FSDataInputStream again = fs.open(path);
                  again.seek(offset);
                  return again;
                });
        currentResource = reader;
        current = reader;
      } else {
        try (InputStream doc = in) {
          current =
              Collections.singletonList(
                      InputFiles.document(
                          doc,
                          file.path(),
                          file.url(),
                          file.outlet(),
                          file.published(),
                          file.modified(),
                          config.maxDocumentBytes()))
                  .iterator();
        }
      }
    } catch (IOException | RuntimeException e) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // already failing
        }
      }
      current = InputFiles.unreadable(file.path(), file.modified(), e);
    }
  }

  private void closeCurrent() {
    if (currentResource != null) {
      try {
        currentResource.close();
      } catch (Exception e) {
        // every record of the file has been read; a failing close loses nothing
      } finally {
        currentResource = null;
      }
    }
  }

  private void flushTimes() {
    if (!flushed) {
      flushed = true;
      acc.parseNanos.add(processor.times().parse - parse0);
      acc.detectNanos.add(processor.times().detect - detect0);
      acc.tagNanos.add(processor.times().tag - tag0);
      acc.sketchNanos.add(processor.times().sketch - sketch0);
      acc.taskMillis.add((System.nanoTime() - started) / 1_000_000);
    }
  }

  /** Per-stage time summed over all tasks. */
  public static final class StageAccumulators implements java.io.Serializable {
    public final LongAccumulator readNanos;
    public final LongAccumulator parseNanos;
    public final LongAccumulator detectNanos;
    public final LongAccumulator tagNanos;
    public final LongAccumulator sketchNanos;

    /** Wall time of each processing task, for the run summary's plan line. */
    public final org.apache.spark.util.CollectionAccumulator<Long> taskMillis;

    public final LongAccumulator records;
    public final LongAccumulator articles;
    public final LongAccumulator quarantined;

    public StageAccumulators(org.apache.spark.SparkContext sc) {
      records = sc.longAccumulator("records_read");
      articles = sc.longAccumulator("articles_extracted");
      quarantined = sc.longAccumulator("records_quarantined");
      readNanos = sc.longAccumulator("read_nanos");
      parseNanos = sc.longAccumulator("parse_nanos");
      detectNanos = sc.longAccumulator("detect_nanos");
      tagNanos = sc.longAccumulator("tag_nanos");
      sketchNanos = sc.longAccumulator("sketch_nanos");
      taskMillis = sc.collectionAccumulator("task_millis");
    }
  }
}

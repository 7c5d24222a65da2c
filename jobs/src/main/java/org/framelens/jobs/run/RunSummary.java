package org.framelens.jobs.run;

import java.util.Locale;
import java.util.Map;

/** What a run did, counted from its own output; printed at the end and kept in the output. */
public record RunSummary(
    long recordsRead,
    long articlesWritten,
    long frameHits,
    Map<String, Long> skippedByReason,
    Map<String, Long> quarantinedByStage,
    long duplicateUrls,
    String lexiconVersion,
    double seconds,
    Map<String, Double> stageSeconds,
    Map<String, Long> filesByKind,
    Map<String, Long> recordsByFileKind,
    java.util.List<String> notes) {

  public long skipped() {
    return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  public long quarantined() {
    return quarantinedByStage.values().stream().mapToLong(Long::longValue).sum();
  }

  public String render() {
    StringBuilder b = new StringBuilder();
    b.append("framelens run summary\n");
    b.append(
        String.format(
            Locale.ROOT,
            "  input files         %,d%n",
            filesByKind.values().stream().mapToLong(Long::longValue).sum()));
    filesByKind.forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %-24s %,d%n", k, v)));
    b.append(String.format(Locale.ROOT, "  records read        %,d%n", recordsRead));
    recordsByFileKind.forEach(
        (k, v) -> b.append(String.format(Locale.ROOT, "    %-24s %,d%n", "from " + k, v)));
    b.append(String.format(Locale.ROOT, "  articles written    %,d%n", articlesWritten));
    b.append(String.format(Locale.ROOT, "  frame hits          %,d%n", frameHits));
    b.append(String.format(Locale.ROOT, "  skipped             %,d%n", skipped() + duplicateUrls));
    skippedByReason.forEach(
        (k, v) -> b.append(String.format(Locale.ROOT, "    %-24s %,d%n", k, v)));
    if (duplicateUrls > 0) {
      b.append(
          String.format(Locale.ROOT, "    %-24s %,d%n", "duplicate_url_in_crawl", duplicateUrls));
    }
    b.append(String.format(Locale.ROOT, "  quarantined         %,d%n", quarantined()));
    quarantinedByStage.forEach(
        (k, v) -> b.append(String.format(Locale.ROOT, "    %-24s %,d%n", k, v)));
    b.append(String.format(Locale.ROOT, "  lexicon version     %s%n", lexiconVersion));
    b.append(String.format(Locale.ROOT, "  seconds             %.1f%n", seconds));
    stageSeconds.forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %-24s %.1f%n", k, v)));
    notes.forEach(n -> b.append("  ").append(n).append('\n'));
    return b.toString();
  }
}

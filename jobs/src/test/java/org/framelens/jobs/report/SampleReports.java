package org.framelens.jobs.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small in-memory report data in several scripts, for the page tests. */
final class SampleReports {
  private SampleReports() {}

  static final List<String> OUTLETS =
      List.of("al-manara", "haboker", "vestnik-mira", "northbridge-chronicle", "<b>evil</b>&co");
  static final List<String> FRAMES =
      List.of("atrocity", "diplomacy", "hostages", "humanitarian", "resistance", "terrorism");

  static ReportData data() {
    List<OutletFrame> cells = new ArrayList<>();
    int o = 0;
    for (String outlet : OUTLETS) {
      int f = 0;
      for (String frame : FRAMES) {
        long articles = 4 + o;
        long with = (o * 3L + f * 5L) % (articles + 1);
        long hits = with * 3;
        long quoted = hits / (2 + f % 3);
        cells.add(new OutletFrame(outlet, frame, articles, with, hits, hits - quoted, quoted));
        f++;
      }
      o++;
    }
    List<TermCount> terms =
        List.of(
            new TermCount("resistance", "al-manara", "ar", "مقاومة", 12, 2),
            new TermCount("resistance", "al-manara", "ar", "المقاومة الباسلة", 3, 0),
            new TermCount("terrorism", "haboker", "he", "מחבלים", 9, 1),
            new TermCount("terrorism", "haboker", "he", "צה\"ל", 2, 0),
            new TermCount("hostages", "vestnik-mira", "ru", "заложник*", 7, 3),
            new TermCount("hostages", "northbridge-chronicle", "en", "hostage", 11, 0),
            new TermCount("hostages", "<b>evil</b>&co", "en", "<script>alert(1)</script>", 1, 0));
    RunFacts facts =
        new RunFacts(
            27,
            List.of("ar", "en", "he", "ru"),
            LocalDate.of(2023, 10, 18),
            LocalDate.of(2023, 10, 26),
            LocalDate.of(2023, 10, 17),
            LocalDate.of(2023, 10, 25),
            List.of("sha256:43fb426e6fbd8b31"));
    return new ReportData(
        "framelens report — sample", "/data/out", facts, cells, terms, true, Map.of("parse", 2L));
  }
}

package org.framelens.common.parse;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;

/**
 * Finds a page's publication date in its meta tags, JSON-LD, {@code itemprop=datePublished} and
 * {@code <time>} elements, dates labelled as published, dated bylines, the text next to the
 * headline and the URL; failing those, in the data embedded for the page's scripts, a date labelled
 * as the last update or the first date of the visible text. The sources are read by {@link
 * MachineDates} (dates for machines) and {@link WrittenDates} (dates written for readers); this
 * class chooses among what they find. Measured on the trafilatura benchmark's expected dates (see
 * {@code org.framelens.common.eval}). Stateless, thread-safe.
 */
final class PublishedDates {
  private PublishedDates() {}

  /**
   * The page's publication date, or null. A date shown to readers (labelled as published, next to
   * the headline, in a dated byline) that a machine-readable date of the page confirms wins.
   * Otherwise every source is read; the calendar date most of them agree on wins, ties going to the
   * more trusted source (the order below). Script data, a date labelled as the last update and the
   * first date in the page's visible text are used, in that order, only when no source gives one.
   *
   * @param title the page's headline, to find the h1 the byline sits next to
   */
  static PublishedDate find(Document doc, String url, String title) {
    PublishedDate headline = WrittenDates.fromHeadline(doc, title);
    PublishedDate byline = WrittenDates.fromDateElements(doc);
    PublishedDate labelled = WrittenDates.fromLabel(doc);
    PublishedDate confirmed = confirmed(doc, labelled, headline, byline);
    if (confirmed != null) {
      return confirmed;
    }
    List<PublishedDate> found = new ArrayList<>();
    add(found, MachineDates.fromMeta(doc));
    add(found, MachineDates.fromJsonLd(doc));
    add(found, MachineDates.fromItemprop(doc));
    add(found, MachineDates.fromTimeElements(doc));
    add(found, MachineDates.fromAnyTime(doc));
    add(found, labelled);
    add(found, byline);
    add(found, headline);
    add(found, MachineDates.fromUrl(url));
    if (found.isEmpty()) {
      add(found, MachineDates.fromScriptData(doc));
    }
    if (found.isEmpty()) {
      add(found, WrittenDates.fromUpdatedLabel(doc));
    }
    if (found.isEmpty()) {
      add(found, WrittenDates.fromBodyText(doc));
    }
    if (found.isEmpty()) {
      return null;
    }
    PublishedDate best = found.get(0);
    int bestVotes = 0;
    for (PublishedDate d : found) {
      int votes = 0;
      for (PublishedDate o : found) {
        if (o.localDate().equals(d.localDate())) {
          votes++;
        }
      }
      if (votes > bestVotes) {
        best = d;
        bestVotes = votes;
      }
    }
    if (best.offset() == null || best.offset().equals(ZoneOffset.UTC)) {
      // A UTC timestamp may fall on another day than the page's own; another source that names
      // the same instant with the page's offset gives the page-local date.
      for (PublishedDate o : found) {
        if (o.offset() != null
            && !o.offset().equals(ZoneOffset.UTC)
            && Math.abs(o.instant().getEpochSecond() - best.instant().getEpochSecond()) < 120) {
          return new PublishedDate(best.instant(), o.localDate(), best.source(), o.offset());
        }
      }
    }
    return best;
  }

  /**
   * The first of the dates written for readers (next to the headline, then in a dated byline) that
   * one of the page's machine-readable dates also names, publication or modification: the date the
   * page shows as its own, in the machine date's precision. A page that shows its last revision
   * date shows that one; a UTC timestamp whose day differs from the shown one is not used. A
   * modification date before the page's machine publication date is inconsistent and confirms
   * nothing, and a shown date before the page's own publication date (meta, else JSON-LD) is not
   * taken unless that date is a UTC timestamp of the next day. Null when no shown date is
   * confirmed.
   */
  static PublishedDate confirmed(Document doc, PublishedDate... visible) {
    List<PublishedDate> machine = null;
    PublishedDate own = null;
    for (PublishedDate v : visible) {
      if (v == null) {
        continue;
      }
      if (machine == null) {
        machine = MachineDates.machineDates(doc);
        own = MachineDates.fromMeta(doc);
        if (own == null) {
          own = MachineDates.fromJsonLd(doc);
        }
      }
      if (own != null && v.localDate().isBefore(own.localDate()) && !dayBeforeInUtc(v, own)) {
        // Shown before the page's own publication: a copied byline (a wire story republished
        // with its original dateline), not this page's date.
        continue;
      }
      for (PublishedDate m : machine) {
        if (m.localDate().equals(v.localDate())) {
          return m;
        }
      }
    }
    return null;
  }

  /**
   * Whether {@code shown} is the day before {@code own} and {@code own} is a UTC timestamp: the
   * page's own clock may still have been on the day before.
   */
  private static boolean dayBeforeInUtc(PublishedDate shown, PublishedDate own) {
    return (own.offset() == null || own.offset().equals(ZoneOffset.UTC))
        && shown.localDate().plusDays(1).equals(own.localDate());
  }

  static void add(List<PublishedDate> found, PublishedDate d) {
    if (d != null) {
      found.add(d);
    }
  }
}

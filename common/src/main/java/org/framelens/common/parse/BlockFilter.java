package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the text blocks that are article text: drops blocks that are mostly link text, short UI
 * strings ("Read more", "Share", "Anzeige"...), short rights notices, blocks with no letter or
 * digit, the repeated headline and duplicates, then trailing headings and labels that introduced
 * boxes removed earlier. Stateless, thread-safe.
 */
final class BlockFilter {
  private BlockFilter() {}

  /** Short blocks that are page furniture, not article text (matched at the start of the block). */
  private static final Pattern UI_TEXT =
      Pattern.compile(
          "(?:read more|read next|read also|continue reading|share|advertisement|advertising|"
              + "sponsored|related|tags?:|topics?:|follow us|sign up|subscribe|click here|"
              + "lesen sie auch|lesen sie mehr|mehr zum thema|mehr dazu|weiterlesen|anzeige|werbung|"
              + "teilen|lire aussi|lire la suite|à lire aussi|publicité|leer más|lea también|"
              + "te puede interesar|publicidad|leia também|leia mais|czytaj też|czytaj także|"
              + "zobacz też|reklama|skip to|back to top|print|e-mail|email|facebook|twitter|"
              + "whatsapp|linkedin|pinterest|copy link|loading|comments?\\b|kommentare?\\b|"
              + "auch interessant|weitere themen|weitere artikel|das könnte sie auch|you might also like|"
              + "you may also like|more from|more on this|see also|siehe auch|permalink|permalien|drukuj|"
              + "foto:|fotos:|bild:|bilder:|photo:|photos:|image:|titelbild|quelle:|source:|credit:|©|"
              // rating, sharing and printing prompts, "already read?" boxes, reference headers
              + "schon gelesen|war der artikel|war dieser artikel|möchten sie den artikel|"
              + "hier können sie den artikel|artikel bewerten|seite teilen|rezept drucken|"
              + "bild anzeigen|empfohlene beiträge|quellenangaben:|was this article helpful|"
              + "rate this article|share this page|print recipe)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern RIGHTS_NOTICE =
      Pattern.compile(
          "©|\\(c\\) \\d{4}|all rights reserved|alle rechte vorbehalten|todos los derechos"
              + " reservados|tous droits réservés|wszelkie prawa zastrzeżone|tutti i diritti"
              + " riservati|todos os direitos reservados",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  static List<String> filter(List<TextBlocks.Block> blocks, String title) {
    String titleKey = MainContentText.key(title);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (TextBlocks.Block b : blocks) {
      String t = b.text();
      int len = PageStats.visibleLength(t);
      if (len == 0) {
        continue;
      }
      double ld = b.linkChars() / (double) len;
      if (ld > 0.5) {
        continue;
      }
      if (len < 40 && UI_TEXT.matcher(t).lookingAt()) {
        continue;
      }
      if (len < 160 && RIGHTS_NOTICE.matcher(t).find()) {
        continue; // copyright and rights lines inside the article container
      }
      String k = MainContentText.key(t);
      if (k.isEmpty()) {
        continue; // no letter or digit: separators, icons, stray markup characters
      }
      if (!titleKey.isEmpty() && k.equals(titleKey)) {
        continue;
      }
      if (!seen.add(k)) {
        continue;
      }
      out.add(t);
      tags.add(b.tag());
    }
    // Headings with nothing after them introduce boxes that were removed ("More on this story").
    while (!out.isEmpty()) {
      int i = out.size() - 1;
      String tag = tags.get(i);
      String t = out.get(i);
      boolean heading =
          tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
      if (heading || t.length() < 40 && t.endsWith(":")) {
        out.remove(i);
        tags.remove(i);
      } else {
        break;
      }
    }
    return out;
  }
}

package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts the main text of a news article (headline, body paragraphs, author) from HTML, dropping
 * navigation, "most read" boxes, tag lists, cookie banners, newsletters, footers and similar
 * boilerplate.
 *
 * <p>Algorithm (readability / trafilatura style): parse with jsoup, read title and author from the
 * whole page, remove non-content elements (by tag, ARIA role, hidden state, figure captions and
 * class/id patterns, unless the element holds the {@code articleBody} / an article-body class or
 * most of the page's paragraph text), choose the content root (the largest {@code
 * itemprop=articleBody} with enough text, else the best container by readability scoring: paragraph
 * length, comma count, class/id weight, link density, plus qualifying siblings), emit one entry per
 * block, drop link lists, short UI strings, duplicates and trailing orphan headings, and fall back
 * to the whole cleaned page when the chosen container is nearly empty. The article's standfirst
 * (deck, sub-headline, lead) between the headline and the chosen container is kept at the top of
 * the body ({@link Standfirst}). Captions are dropped because both benchmarks scored better without
 * them.
 *
 * <p>All tree walks are iterative (jsoup {@link NodeTraversor}), so arbitrarily deep HTML does not
 * overflow the stack. {@link #extract} never throws: on any failure it returns an empty result.
 *
 * <p><b>Thread safety:</b> instances hold no mutable state; one instance may be shared by any
 * number of threads.
 */
public final class MainContentExtractor {

  /**
   * The extraction result; {@code paragraphs} is never null (empty when nothing was found).
   *
   * @param published publication time from the page's meta tags, JSON-LD, time elements, dated
   *     bylines or URL (midnight UTC when the page writes only a calendar date); null when the page
   *     gives none
   * @param publishedLocalDate the calendar date of {@code published} as the page writes it, before
   *     conversion to UTC (the date a reader of the page sees); null with {@code published}
   * @param publishedSource where {@code published} was found: {@code meta} (meta tags), {@code
   *     json-ld}, {@code time} ({@code <time>} / {@code itemprop=datePublished} elements), {@code
   *     text} (a date written in a byline, next to the headline or, when nothing else has one, in
   *     the page text) or {@code url} (a date in the URL); null with {@code published}
   * @param siteName the publication's name (og:site_name, JSON-LD publisher, application-name)
   * @param canonicalUrl the page's canonical URL (link rel=canonical, og:url), absolute
   * @param standfirstParagraphs how many of the first {@code paragraphs} are the standfirst (deck,
   *     sub-headline, lead) found between the headline and the body container (see {@link
   *     Standfirst}); 0 when none was
   */
  public record Extracted(
      String title,
      List<String> paragraphs,
      String author,
      java.time.Instant published,
      java.time.LocalDate publishedLocalDate,
      String publishedSource,
      String siteName,
      String canonicalUrl,
      int standfirstParagraphs) {
    public Extracted {
      paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
      standfirstParagraphs = Math.max(0, Math.min(standfirstParagraphs, paragraphs.size()));
    }

    public Extracted(
        String title,
        List<String> paragraphs,
        String author,
        java.time.Instant published,
        java.time.LocalDate publishedLocalDate,
        String publishedSource,
        String siteName,
        String canonicalUrl) {
      this(
          title,
          paragraphs,
          author,
          published,
          publishedLocalDate,
          publishedSource,
          siteName,
          canonicalUrl,
          0);
    }

    /**
     * The paragraphs after the standfirst: what benchmarks that count the standfirst out of the
     * article body (Zyte's) compare with.
     */
    public List<String> bodyWithoutStandfirst() {
      return paragraphs.subList(standfirstParagraphs, paragraphs.size());
    }

    Extracted withParagraphs(List<String> p, int standfirst) {
      return new Extracted(
          title,
          p,
          author,
          published,
          publishedLocalDate,
          publishedSource,
          siteName,
          canonicalUrl,
          standfirst);
    }
  }

  private static final Extracted EMPTY =
      new Extracted(null, List.of(), null, null, null, null, null, null);

  /** Always removed, whatever their size. */
  private static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "iframe",
          "button",
          "select",
          "input",
          "textarea",
          "object",
          "embed",
          "canvas",
          "link",
          "meta",
          "video",
          "audio",
          "picture",
          "img",
          "map",
          "math",
          "head",
          "frame",
          "frameset",
          "option",
          "label",
          "dialog");

  /** Removed unless they hold most of the text of the page. */
  private static final Set<String> BOILERPLATE_TAGS =
      Set.of("nav", "footer", "aside", "form", "menu", "figcaption");

  private static final Set<String> BOILERPLATE_ROLES =
      Set.of(
          "navigation",
          "banner",
          "contentinfo",
          "complementary",
          "dialog",
          "alert",
          "alertdialog",
          "menu",
          "menubar",
          "search",
          "toolbar",
          "tablist");

  /** Elements that end the current text block. */
  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "dl",
          "dt",
          "dd",
          "blockquote",
          "pre",
          "table",
          "tr",
          "td",
          "th",
          "tbody",
          "thead",
          "tfoot",
          "caption",
          "figure",
          "figcaption",
          "header",
          "footer",
          "address",
          "hr",
          "center",
          "details",
          "summary",
          "body",
          "html",
          "nav",
          "aside",
          "form",
          "fieldset",
          "legend",
          "hgroup",
          "menu");

  /** Block tags that may contain paragraphs (used to find "leaf" text containers). */
  private static final Set<String> CONTAINER_TAGS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "ul",
          "ol",
          "dl",
          "blockquote",
          "pre",
          "table",
          "figure",
          "header",
          "footer",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "form",
          "aside",
          "nav",
          "center",
          "details",
          "address",
          "hgroup");

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "cookie|consent|gdpr|newsletter|subscribe|subscription|signup|sign-up|sharing|sharebar|"
              + "share-|-share|social|related|recommend|most-?read|mostread|most-?popular|meistgelesen|"
              + "popular|trending|sidebar|widget|comment(?!ary)|footer|breadcrumb|tag-?list|taglist|"
              + "tag-cloud|caption|credit|outbrain|taboola|advert|sponsor|modal|popup|promo|banner|skip-?link|"
              + "author-?bio|authorbio|disqus|masthead|toolbar|pagination|pager|login|"
              + "(?:^|[\\s_-])(?:nav|navbar|navigation|menu|tags|tag|topics|ad|ads|adv|share|"
              + "meta|cta|byline|dateline|more)(?:$|[\\s_-])|"
              + "(?:^|\\s)(?:hidden|hide|is-hidden|d-none|visually-hidden|sr-only)(?:$|\\s)");

  private static final Pattern TAXONOMY_CLASS =
      Pattern.compile(
          "(?<![^\\s])(?:(?:tag|tags)[-_](?!list|cloud|links|box|wrap|container|block|area)|"
              + "(?:category|categories|postid|format|has|status|type|term|node-type)[-_])[^\\s]*");

  private static final Pattern POSITIVE_OVERRIDE =
      Pattern.compile(
          "article-?body|articlebody|article__body|article-?content|article-?text|articletext|"
              + "story-?body|story-?content|storytext|post-?content|post-?body|entry-?content|"
              + "main-?content|body-?text|content-?body|text-?body");

  private static final Pattern SCORE_POSITIVE =
      Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");

  private static final Pattern SCORE_NEGATIVE =
      Pattern.compile(
          "-ad-|hidden|banner|combx|comment(?!ary)|com-|contact|footer|gdpr|masthead|media|meta|"
              + "outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
              + "tags|widget|teaser|nav|menu|social|cookie|newsletter|recommend|popular|trending");

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

  public MainContentExtractor() {}

  /**
   * Extracts headline, main-text blocks and author. Never throws; returns an empty result for null,
   * empty or unparseable input.
   */
  public Extracted extract(String html, String baseUrl) {
    return extract(html, baseUrl, ParseDeadline.NONE);
  }

  /**
   * As {@link #extract(String, String)}, stopped by {@link ParseDeadline.ParseTimeoutException}
   * when the deadline passes.
   */
  public Extracted extract(String html, String baseUrl, ParseDeadline deadline) {
    if (html == null || html.isBlank()) {
      return EMPTY;
    }
    try {
      return doExtract(html, baseUrl == null ? "" : baseUrl, deadline);
    } catch (ParseDeadline.ParseTimeoutException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      return EMPTY;
    }
  }

  private Extracted doExtract(String html, String baseUrl, ParseDeadline deadline) {
    Document doc =
        org.jsoup.parser.Parser.htmlParser()
            .parseInput(deadline.watch(new java.io.StringReader(html)), baseUrl);
    deadline.check();
    String title = MainContentMetadata.title(doc);
    PublishedDate date = PublishedDates.find(doc, baseUrl, title);
    Extracted meta =
        new Extracted(
            title,
            List.of(),
            MainContentMetadata.author(doc),
            date == null ? null : date.instant(),
            date == null ? null : date.localDate(),
            date == null ? null : date.source(),
            MainContentMetadata.siteName(doc),
            MainContentMetadata.canonicalUrl(doc, baseUrl));
    Element body = doc.body();
    if (body == null) {
      return meta;
    }
    Stats before = Stats.of(body);
    deadline.check();
    clean(body, before, title);
    deadline.check();
    Stats stats = Stats.of(body);
    List<Element> roots = chooseRoots(body, stats);
    List<Block> blocks = new ArrayList<>();
    // The standfirst under the headline, when the body container chosen does not hold it.
    List<String> standfirst = Standfirst.find(body, roots, title, meta.author(), stats);
    for (String s : standfirst) {
      blocks.add(new Block(s, 0, "p"));
    }
    for (Element root : roots) {
      emit(root, blocks);
    }
    List<String> paragraphs = filter(blocks, title);
    int standfirstKept = 0; // the filter may have dropped one (a repeated headline)
    while (standfirstKept < paragraphs.size()
        && standfirstKept < standfirst.size()
        && standfirst.contains(paragraphs.get(standfirstKept))) {
      standfirstKept++;
    }
    if (textLength(paragraphs) < FALLBACK_BELOW && !(roots.size() == 1 && roots.get(0) == body)) {
      // The chosen container is nearly empty: fall back to the whole cleaned page.
      List<Block> all = new ArrayList<>();
      emit(body, all);
      List<String> wide = filter(all, title);
      if (textLength(wide) > textLength(paragraphs)) {
        paragraphs = wide;
        standfirstKept = 0;
      }
    }
    return meta.withParagraphs(paragraphs, standfirstKept);
  }

  private static final int FALLBACK_BELOW = 200;

  private static int textLength(List<String> paragraphs) {
    int n = 0;
    for (String p : paragraphs) {
      n += p.length();
    }
    return n;
  }

  // ---------------------------------------------------------------- statistics

  /** Per-element visible text length, link-text length and articleBody containment. */
  static final class Stats {
    final Map<Element, int[]> m = new IdentityHashMap<>();

    static Stats of(Element root) {
      Stats s = new Stats();
      NodeTraversor.traverse(
          new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {}

            @Override
            public void tail(Node node, int depth) {
              Node p = node.parentNode();
              if (!(p instanceof Element parent)) {
                return;
              }
              if (node instanceof TextNode t) {
                int n = visibleLength(t.getWholeText());
                if (n > 0) {
                  s.get(parent)[0] += n;
                }
              } else if (node instanceof Element e) {
                int[] me = s.m.get(e);
                if (me == null) {
                  if (e.attributesSize() == 0 || !"articleBody".equals(e.attr("itemprop"))) {
                    return;
                  }
                  me = s.get(e);
                }
                boolean isBody =
                    e.attributesSize() > 0
                        && ("articleBody".equals(e.attr("itemprop"))
                            || me[0] >= 300 && POSITIVE_OVERRIDE.matcher(classAndId(e)).find());
                if (e.nameIs("a")) {
                  me[1] = me[0];
                } else if (e.nameIs("p")) {
                  me[3] = me[0];
                }
                if (isBody) {
                  me[2] = 1;
                }
                int[] pa = s.get(parent);
                pa[0] += me[0];
                pa[1] += me[1];
                pa[2] |= me[2];
                pa[3] += me[3];
              }
            }
          },
          root);
      return s;
    }

    int[] get(Element e) {
      return m.computeIfAbsent(e, k -> new int[4]);
    }

    int text(Element e) {
      int[] v = m.get(e);
      return v == null ? 0 : v[0];
    }

    int links(Element e) {
      int[] v = m.get(e);
      return v == null ? 0 : v[1];
    }

    int paragraphText(Element e) {
      int[] v = m.get(e);
      return v == null ? 0 : v[3];
    }

    boolean holdsArticleBody(Element e) {
      int[] v = m.get(e);
      return v != null && v[2] != 0;
    }

    double linkDensity(Element e) {
      int t = text(e);
      return t == 0 ? 0 : Math.min(1.0, links(e) / (double) t);
    }
  }

  /** Number of non-whitespace characters. */
  static int visibleLength(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (!MainContentText.isSpace(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  // ---------------------------------------------------------------- cleaning

  private static void clean(Element body, Stats stats, String title) {
    final int total = Math.max(1, stats.text(body));
    final int pTotal = stats.paragraphText(body);
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
              if (e == body) {
                return FilterResult.CONTINUE;
              }
              String tag = e.normalName();
              if (JUNK_TAGS.contains(tag)) {
                return FilterResult.REMOVE;
              }
              if (tag.equals("header") && Standfirst.holdsHeadline(e, title)) {
                return FilterResult.CONTINUE; // the article's header (headline, standfirst)
              }
              if (isBoilerplate(e, tag) && !isProtected(e, stats, total, pTotal)) {
                return FilterResult.REMOVE;
              }
              return FilterResult.CONTINUE;
            }
            if (node instanceof TextNode) {
              return FilterResult.CONTINUE;
            }
            return FilterResult.REMOVE; // comments, doctype, etc.
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        body);
  }

  /** Never remove the container of the article body or of most of the page's paragraph text. */
  private static boolean isProtected(Element e, Stats stats, int total, int pTotal) {
    if (stats.holdsArticleBody(e)) {
      return true;
    }
    if (pTotal >= 300) {
      return stats.paragraphText(e) >= 0.5 * pTotal;
    }
    return total > 500 && stats.text(e) > 0.6 * total;
  }

  static boolean isBoilerplate(Element e, String tag) {
    if (BOILERPLATE_TAGS.contains(tag)) {
      return true;
    }
    if (tag.equals("header") && e.closest("article, main, [itemprop=articleBody]") == null) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))) {
      return true;
    }
    String role = e.attr("role");
    if (!role.isEmpty() && BOILERPLATE_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String style = e.attr("style");
    if (!style.isEmpty()) {
      String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
      if (st.contains("display:none") || st.contains("visibility:hidden")) {
        return true;
      }
    }
    String ci = classAndId(e);
    if (ci.isEmpty()) {
      return false;
    }
    return NEGATIVE.matcher(ci).find() && !POSITIVE_OVERRIDE.matcher(ci).find();
  }

  static String classAndId(Element e) {
    if (e.attributesSize() == 0) {
      return "";
    }
    String c = e.attr("class");
    String id = e.id();
    if (c.isEmpty() && id.isEmpty()) {
      return "";
    }
    String ci = (c + " " + id).toLowerCase(Locale.ROOT).trim();
    if (ci.indexOf('-') >= 0 || ci.indexOf('_') >= 0) {
      // CMS taxonomy classes ("tag-politics", "category-news", "postid-12") say nothing about
      // layout.
      ci = TAXONOMY_CLASS.matcher(ci).replaceAll(" ");
    }
    return ci.trim();
  }

  // ---------------------------------------------------------------- root selection

  private static List<Element> chooseRoots(Element body, Stats stats) {
    // 1. Explicit markup: the largest itemprop=articleBody with enough text.
    Element best = null;
    for (Element e : body.select("[itemprop=articleBody]")) {
      if (best == null || stats.text(e) > stats.text(best)) {
        best = e;
      }
    }
    if (best != null && stats.text(best) >= 250) {
      return List.of(best);
    }
    // 2. Readability-style scoring.
    Map<Element, double[]> scores = new IdentityHashMap<>();
    List<Element> order = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      Element first; // the first ancestor that receives the paragraph's score
      String text;
      if (tag.equals("p")
          || tag.equals("pre")
          || (LOOSE_TEXT_TAGS.contains(tag) && !hasContainerChild(e))) {
        if (stats.text(e) < 25) {
          continue;
        }
        first = e.parent();
        text = e.text();
      } else if (LOOSE_TEXT_TAGS.contains(tag)) {
        // Text directly inside a container (no <p>): scored as if wrapped in a paragraph.
        text = looseText(e, stats);
        if (text == null) {
          continue;
        }
        first = e;
      } else {
        continue;
      }
      int len = visibleLength(text);
      if (len < 25) {
        continue;
      }
      double score = 1 + MainContentText.countCommas(text) + Math.min(len / 100.0, 3.0);
      Element anc = first;
      for (int level = 0; level < 5 && anc != null; level++, anc = anc.parent()) {
        if (anc == body.parent()) {
          break;
        }
        double[] s = scores.get(anc);
        if (s == null) {
          s = new double[] {initialScore(anc)};
          scores.put(anc, s);
          order.add(anc);
        }
        double div = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        s[0] += score / div;
      }
    }
    Element top = null;
    double topScore = 0;
    for (Element cand : order) { // first-seen order keeps ties deterministic
      double[] sc = scores.get(cand);
      double f = sc[0] * (1 - stats.linkDensity(cand));
      sc[0] = f;
      if (top == null || f > topScore) {
        top = cand;
        topScore = f;
      }
    }
    if (top == null) {
      return List.of(body);
    }
    // Scores rising again up the tree mean the content is spread over several containers.
    Element parent = top.parent();
    double last = topScore;
    double threshold = last / 3;
    while (parent != null && parent != body) {
      double[] ps = scores.get(parent);
      if (ps == null) {
        parent = parent.parent();
        continue;
      }
      if (ps[0] < threshold) {
        break;
      }
      if (ps[0] > last) {
        top = parent;
        topScore = ps[0];
        break;
      }
      last = ps[0];
      parent = parent.parent();
    }
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
      double[] s = scores.get(top);
      if (s != null) {
        topScore = Math.max(topScore, s[0]);
      }
    }
    if (top == body || top.parent() == null) {
      return List.of(top);
    }
    // Siblings that look like more of the same content.
    List<Element> roots = new ArrayList<>();
    double siblingThreshold = Math.max(10, topScore * 0.2);
    String topClass = top.className();
    for (Element sib : top.parent().children()) {
      if (sib == top) {
        roots.add(sib);
        continue;
      }
      double bonus = !topClass.isEmpty() && topClass.equals(sib.className()) ? topScore * 0.2 : 0;
      double[] s = scores.get(sib);
      if (s != null && s[0] + bonus >= siblingThreshold) {
        roots.add(sib);
      } else if (sib.nameIs("p")) {
        int len = stats.text(sib);
        double ld = stats.linkDensity(sib);
        if (len > 80 && ld < 0.25) {
          roots.add(sib);
        } else if (len > 0 && len <= 80 && ld == 0 && sib.text().matches(".*\\.( |$).*")) {
          roots.add(sib);
        }
      }
    }
    return roots;
  }

  private static final Set<String> LOOSE_TEXT_TAGS =
      Set.of("div", "td", "section", "article", "blockquote", "main");

  /** Text of the direct text nodes and inline children of e, or null when it is short. */
  private static String looseText(Element e, Stats stats) {
    int n = 0;
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        n += visibleLength(t.getWholeText());
      } else if (c instanceof Element ce && !BLOCK_TAGS.contains(ce.normalName())) {
        n += stats.text(ce);
      }
    }
    if (n < 25) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Node c : e.childNodes()) {
      if (c instanceof TextNode t) {
        b.append(t.getWholeText());
      } else if (c instanceof Element ce && !BLOCK_TAGS.contains(ce.normalName())) {
        b.append(' ').append(ce.text()).append(' ');
      }
    }
    return b.toString();
  }

  private static boolean hasContainerChild(Element e) {
    for (Element c : e.children()) {
      if (CONTAINER_TAGS.contains(c.normalName())) {
        return true;
      }
    }
    return false;
  }

  private static double initialScore(Element e) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote", "section" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + classWeight(e);
  }

  private static double classWeight(Element e) {
    double w = 0;
    String c = e.className().toLowerCase(Locale.ROOT);
    if (!c.isEmpty()) {
      if (SCORE_NEGATIVE.matcher(c).find()) {
        w -= 25;
      }
      if (SCORE_POSITIVE.matcher(c).find()) {
        w += 25;
      }
    }
    String id = e.id().toLowerCase(Locale.ROOT);
    if (!id.isEmpty()) {
      if (SCORE_NEGATIVE.matcher(id).find()) {
        w -= 25;
      }
      if (SCORE_POSITIVE.matcher(id).find()) {
        w += 25;
      }
    }
    if (e.attributesSize() > 0 && "articleBody".equals(e.attr("itemprop"))) {
      w += 50;
    }
    return w;
  }

  // ---------------------------------------------------------------- block emission

  /** One emitted text block: its text, link-text length and the tag of the block holding it. */
  record Block(String text, int linkChars, String tag) {}

  private static void emit(Element root, List<Block> out) {
    StringBuilder buf = new StringBuilder();
    int[] linkChars = {0};
    int[] linkDepth = {0};
    List<String> stack = new ArrayList<>();
    Runnable flush =
        () -> {
          if (buf.length() > 0) {
            String t = MainContentText.collapse(buf);
            if (!t.isEmpty()) {
              String tag = stack.isEmpty() ? "div" : stack.get(stack.size() - 1);
              out.add(new Block(t, linkChars[0], tag));
            }
            buf.setLength(0);
          }
          linkChars[0] = 0;
        };
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              String s = t.getWholeText();
              buf.append(s);
              if (linkDepth[0] > 0) {
                linkChars[0] += visibleLength(s);
              }
            } else if (node instanceof Element e) {
              String tag = e.normalName();
              if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                stack.add(tag);
              } else if (tag.equals("br")) {
                buf.append(' ');
              } else if (tag.equals("a")) {
                linkDepth[0]++;
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              String tag = e.normalName();
              if (BLOCK_TAGS.contains(tag)) {
                flush.run();
                if (!stack.isEmpty()) {
                  stack.remove(stack.size() - 1);
                }
              } else if (tag.equals("a")) {
                linkDepth[0]--;
              }
            }
          }
        },
        root);
    flush.run();
  }

  // ---------------------------------------------------------------- block filtering

  private static final Pattern RIGHTS_NOTICE =
      Pattern.compile(
          "©|\\(c\\) \\d{4}|all rights reserved|alle rechte vorbehalten|todos los derechos"
              + " reservados|tous droits réservés|wszelkie prawa zastrzeżone|tutti i diritti"
              + " riservati|todos os direitos reservados",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static List<String> filter(List<Block> blocks, String title) {
    String titleKey = MainContentText.key(title);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    for (Block b : blocks) {
      String t = b.text();
      int len = visibleLength(t);
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

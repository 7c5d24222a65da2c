package org.framelens.common.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, tolerant JSON reader for JSON-LD blocks: objects become {@link Map}, arrays {@link
 * List}, strings {@link String}, everything else a {@link String} of its raw token. Nesting deeper
 * than {@link #MAX_DEPTH} and any syntax error make {@link #parse} return null; it never throws.
 */
final class MainContentJson {
  static final int MAX_DEPTH = 64;

  private final String s;
  private int pos;

  private MainContentJson(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    // Some sites wrap JSON-LD in HTML comments or CDATA markers.
    if (t.startsWith("<!--")) {
      t = t.substring(4);
    }
    if (t.endsWith("-->")) {
      t = t.substring(0, t.length() - 3);
    }
    t =
        t.replace("//<![CDATA[", "")
            .replace("//]]>", "")
            .replace("<![CDATA[", "")
            .replace("]]>", "");
    try {
      MainContentJson p = new MainContentJson(t);
      p.skipWs();
      Object v = p.value(0);
      return v;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("too deep");
    }
    skipWs();
    if (pos >= s.length()) {
      throw new IllegalStateException("eof");
    }
    char c = s.charAt(pos);
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      skipWs();
      if (peek() == '}') {
        pos++;
        return m;
      }
      while (true) {
        skipWs();
        String k = string();
        skipWs();
        expect(':');
        Object v = value(depth + 1);
        m.put(k, v);
        skipWs();
        char d = next();
        if (d == '}') {
          return m;
        }
        if (d != ',') {
          throw new IllegalStateException("expected , or }");
        }
        skipWs();
        if (peek() == '}') { // trailing comma
          pos++;
          return m;
        }
      }
    }
    if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      skipWs();
      if (peek() == ']') {
        pos++;
        return l;
      }
      while (true) {
        l.add(value(depth + 1));
        skipWs();
        char d = next();
        if (d == ']') {
          return l;
        }
        if (d != ',') {
          throw new IllegalStateException("expected , or ]");
        }
        skipWs();
        if (peek() == ']') {
          pos++;
          return l;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    int start = pos;
    while (pos < s.length() && ",}] \n\r\t".indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalStateException("unexpected " + c);
    }
    return s.substring(start, pos);
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            if (pos + 4 > s.length()) {
              throw new IllegalStateException("bad escape");
            }
            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private void skipWs() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private char peek() {
    return pos < s.length() ? s.charAt(pos) : '\0';
  }

  private char next() {
    if (pos >= s.length()) {
      throw new IllegalStateException("eof");
    }
    return s.charAt(pos++);
  }

  private void expect(char c) {
    if (next() != c) {
      throw new IllegalStateException("expected " + c);
    }
  }

  /**
   * Walks a parsed JSON-LD value breadth-first (@graph, arrays, nested objects), without recursion
   * and over at most 10,000 values, and returns the first non-null answer of {@code probe} for an
   * object.
   */
  static <T> T firstInGraph(Object root, java.util.function.Function<Map<?, ?>, T> probe) {
    java.util.Deque<Object> queue = new java.util.ArrayDeque<>();
    if (root != null) {
      queue.add(root);
    }
    int visited = 0;
    while (!queue.isEmpty() && visited++ < 10_000) {
      Object o = queue.poll();
      if (o instanceof List<?> list) {
        queue.addAll(list);
      } else if (o instanceof Map<?, ?> map) {
        T found = probe.apply(map);
        if (found != null) {
          return found;
        }
        for (Object v : map.values()) {
          if (v instanceof Map || v instanceof List) {
            queue.add(v);
          }
        }
      }
    }
    return null;
  }
}

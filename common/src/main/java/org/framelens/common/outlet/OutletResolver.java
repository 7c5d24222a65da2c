package org.framelens.common.outlet;

import com.google.common.net.InternetDomainName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Maps a URL to an outlet id: through the outlet registry when one is given (its {@code domain}
 * matches the host or any parent domain of it), else the registered domain of the host under the
 * public-suffix list ({@code news.example.co.uk -> example.co.uk}).
 */
public final class OutletResolver {
  /** One registry row: {@code domain,outlet,name,country,language,type}. */
  public record Outlet(
      String domain, String outlet, String name, String country, String language, String type) {}

  private final Map<String, Outlet> byDomain;

  public OutletResolver(List<Outlet> registry) {
    Map<String, Outlet> m = new HashMap<>();
    for (Outlet o : registry) {
      m.put(o.domain().toLowerCase(Locale.ROOT), o);
    }
    this.byDomain = Map.copyOf(m);
  }

  public static OutletResolver withoutRegistry() {
    return new OutletResolver(List.of());
  }

  /**
   * Parses registry CSV text with header {@code domain,outlet,name,country,language,type} (the
   * columns after {@code outlet} may be empty). Reports every bad record with its line number.
   */
  public static OutletResolver fromCsv(String csv) {
    List<Outlet> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      if (!parser.getHeaderNames().containsAll(List.of("domain", "outlet"))) {
        throw new IllegalArgumentException(
            "outlet registry: header must start with domain,outlet (got "
                + parser.getHeaderNames()
                + ")");
      }
      for (CSVRecord r : parser) {
        String domain = value(r, "domain");
        String outlet = value(r, "outlet");
        if (domain == null || outlet == null) {
          problems.add(
              "line " + r.getParser().getCurrentLineNumber() + ": needs domain and outlet");
          continue;
        }
        rows.add(
            new Outlet(
                domain,
                outlet,
                value(r, "name"),
                value(r, "country"),
                value(r, "language"),
                value(r, "type")));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("outlet registry unreadable: " + e.getMessage(), e);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("outlet registry: " + String.join("; ", problems));
    }
    return new OutletResolver(rows);
  }

  private static String value(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String v = r.get(column).strip();
    return v.isEmpty() ? null : v;
  }

  /** Lower-case host of an http(s) URL, without a leading "www."-style dot; null otherwise. */
  public static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        return null;
      }
      String host = uri.getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The outlet for a host, or null when the host is null. */
  public String outletForHost(String host) {
    if (host == null) {
      return null;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String d = h; d != null; d = parent(d)) {
      Outlet o = byDomain.get(d);
      if (o != null) {
        return o.outlet();
      }
    }
    return registeredDomain(h);
  }

  /** The registered domain ("eTLD+1") of a host; the host itself for IPs and unknown suffixes. */
  public static String registeredDomain(String host) {
    try {
      InternetDomainName name = InternetDomainName.from(host);
      if (name.isUnderPublicSuffix()) {
        return name.topPrivateDomain().toString();
      }
      return host;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return host;
    }
  }

  private static String parent(String domain) {
    int dot = domain.indexOf('.');
    return dot < 0 ? null : domain.substring(dot + 1);
  }
}

package org.framelens.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app jar can sit beside any Spark 4.x: it holds no class that Spark's own jars hold, so
 * whichever copy a cluster's class loaders find first, framelens, Tika and Lingua get their own
 * versions, and Spark gets its own.
 */
class AppJarLeavesSparksClassesToSparkIT {
  private static final Pattern VERSIONED = Pattern.compile("^META-INF/versions/\\d+/");

  /**
   * Packages a Spark 4.x distribution ships beyond spark-sql's own dependencies (Hive, Kubernetes,
   * Hadoop cloud connectors) at versions other than ours; they must be relocated or absent.
   */
  private static final List<String> OTHER_SPARK_DISTRIBUTION_PACKAGES =
      List.of("okio/", "org/jdom2/", "org/apache/commons/lang/", "org/apache/http/", "scala/");

  private static BuildOutputs build;
  private static Set<String> appClasses;
  private static Set<String> appEntries;

  @BeforeAll
  static void readTheAppJar() throws IOException {
    build = BuildOutputs.locate();
    String missing = build.missing();
    assumeTrue(missing == null, () -> "AppJarLeavesSparksClassesToSparkIT skipped: " + missing);
    appEntries = entries(build.appJar());
    appClasses = new TreeSet<>();
    for (String e : appEntries) {
      if (e.endsWith(".class")) {
        appClasses.add(VERSIONED.matcher(e).replaceFirst(""));
      }
    }
  }

  @Test
  void noClassOfTheAppJarIsAlsoInSparksJars() throws IOException {
    Set<String> clashes = new TreeSet<>();
    for (Path jar : build.sparkJars()) {
      for (String e : entries(jar)) {
        if (e.endsWith(".class")
            && !e.endsWith("module-info.class")
            && appClasses.contains(VERSIONED.matcher(e).replaceFirst(""))) {
          clashes.add(e + " (" + jar.getFileName() + ")");
        }
      }
    }
    assertThat(clashes).as("classes in the app jar and in Spark's jars").isEmpty();
  }

  @Test
  void theAppJarHasNoClassOfPackagesOtherSparkDistributionsShip() {
    List<String> found = new ArrayList<>();
    for (String c : appClasses) {
      for (String p : OTHER_SPARK_DISTRIBUTION_PACKAGES) {
        if (c.startsWith(p)) {
          found.add(c);
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theLoggingApisAreLeftToSpark() {
    assertThat(appClasses)
        .noneMatch(c -> c.startsWith("org/slf4j/"))
        .noneMatch(c -> c.startsWith("org/apache/logging/log4j/"))
        .noneMatch(c -> c.startsWith("org/apache/commons/logging/"));
  }

  @Test
  void everyJava9PlusVariantLiesInAPackageOfTheJar() {
    // Shade leaves the META-INF/versions/N/ variants of relocated classes at their old paths
    // (MSHADE-406); there they would be found under the old name only, i.e. in place of Spark's.
    Set<String> packages = new HashSet<>();
    for (String e : appEntries) {
      if (e.endsWith(".class") && !VERSIONED.matcher(e).find() && e.contains("/")) {
        packages.add(e.substring(0, e.lastIndexOf('/')));
      }
    }
    List<String> orphans = new ArrayList<>();
    for (String e : appEntries) {
      String base = VERSIONED.matcher(e).replaceFirst("");
      if (e.endsWith(".class")
          && !base.equals(e)
          && base.contains("/")
          && !packages.contains(base.substring(0, base.lastIndexOf('/')))) {
        orphans.add(e);
      }
    }
    assertThat(orphans).as("versioned classes in packages the jar does not have").isEmpty();
  }

  @Test
  void everyServiceTheAppJarDeclaresNamesAClassThatIsThere() throws IOException {
    Set<String> sparkClasses = new HashSet<>();
    for (Path jar : build.sparkJars()) {
      sparkClasses.addAll(entries(jar));
    }
    List<String> dangling = new ArrayList<>();
    int services = 0;
    try (JarFile jar = new JarFile(build.appJar().toFile())) {
      for (String e : appEntries) {
        if (!e.startsWith("META-INF/services/") || e.endsWith("/")) {
          continue;
        }
        String service = e.substring("META-INF/services/".length());
        if (!exists(service, sparkClasses)) {
          dangling.add(e + ": the service interface itself");
        }
        for (String provider : lines(jar, jar.getJarEntry(e))) {
          services++;
          if (!exists(provider, sparkClasses)) {
            dangling.add(e + ": " + provider);
          }
        }
      }
    }
    assertThat(services).as("service providers declared").isGreaterThan(100);
    assertThat(dangling).isEmpty();
  }

  private static boolean exists(String className, Set<String> sparkClasses) {
    String path = className.replace('.', '/') + ".class";
    return appEntries.contains(path)
        || sparkClasses.contains(path)
        || ClassLoader.getPlatformClassLoader().getResource(path) != null;
  }

  private static List<String> lines(JarFile jar, JarEntry entry) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String name = line.replaceFirst("#.*", "").strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Set<String> entries(Path jarPath) {
    Set<String> names = new HashSet<>();
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      Enumeration<JarEntry> all = jar.entries();
      while (all.hasMoreElements()) {
        names.add(all.nextElement().getName());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jarPath, e);
    }
    return names;
  }
}

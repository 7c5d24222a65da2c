package org.framelens.jobs.spark;

import com.google.common.hash.Hashing;
import com.google.common.io.MoreFiles;

/**
 * The identity of the code that runs: the version and a digest of the jar, so a rebuilt jar counts
 * as new code (nightly re-parses a date when the code changed); "dev" digest when running from
 * classes.
 */
public final class CodeVersion {
  private CodeVersion() {}

  private static String codeVersion;

  public static synchronized String get() {
    if (codeVersion == null) {
      String v = CodeVersion.class.getPackage().getImplementationVersion();
      String digest = "dev";
      try {
        java.net.URL where = CodeVersion.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path p = java.nio.file.Path.of(where.toURI());
        if (java.nio.file.Files.isRegularFile(p)) {
          digest = MoreFiles.asByteSource(p).hash(Hashing.sha256()).toString().substring(0, 12);
        }
      } catch (Exception e) {
        digest = "unknown";
      }
      codeVersion = "framelens " + (v == null ? "dev" : v) + " " + digest;
    }
    return codeVersion;
  }

  /**
   * A path under the framelens folder: {@code FRAMELENS_HOME} (set by {@code bin/framelens}), else
   * the current folder.
   */
  public static String underHome(String relative) {
    String home = System.getenv("FRAMELENS_HOME");
    return new java.io.File(home == null ? "." : home, relative).getPath();
  }
}

package org.framelens.jobs.nightly;

/**
 * Named points of a publish where crash tests stop the JVM as SIGKILL would ({@link Runtime#halt}:
 * no shutdown hooks, no finally blocks). Inert unless the system property {@code
 * framelens.test.haltAt} names the point; only tests set it.
 */
public final class CrashPoints {
  private CrashPoints() {}

  static final String PROPERTY = "framelens.test.haltAt";

  public static void reach(String point) {
    if (point.equals(System.getProperty(PROPERTY))) {
      System.out.println("framelens: halting at " + point + " (" + PROPERTY + ")");
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}

package org.framelens.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code package} built and what the cluster tests run over: the app jar, the Spark jars a
 * cluster node provides (jobs/target/spark-libs) and the sample inputs. Failsafe passes the paths
 * as system properties; run from an IDE they are found under the module folder.
 */
record BuildOutputs(Path appJar, Path sparkLibs, Path samples) {

  static BuildOutputs locate() {
    Path module = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Path target = module.resolve("target");
    Path appJar =
        Path.of(System.getProperty("framelens.appJar", findAppJar(target).toString()))
            .toAbsolutePath();
    Path sparkLibs =
        Path.of(System.getProperty("framelens.sparkLibs", target.resolve("spark-libs").toString()))
            .toAbsolutePath();
    Path samples =
        Path.of(
                System.getProperty(
                    "framelens.samples", module.resolveSibling("data-samples").toString()))
            .toAbsolutePath()
            .normalize();
    return new BuildOutputs(appJar, sparkLibs, samples);
  }

  private static Path findAppJar(Path target) {
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("framelens-jobs-.*-app\\.jar"))
          .findFirst()
          .orElse(target.resolve("framelens-jobs-app.jar"));
    } catch (IOException e) {
      return target.resolve("framelens-jobs-app.jar");
    }
  }

  /** Null when everything is there, else what is missing and how to build it. */
  String missing() {
    if (!Files.isRegularFile(appJar)) {
      return "no app jar at "
          + appJar
          + ": run `./mvnw -B verify` (failsafe runs this test after `package`)";
    }
    if (sparkJars().isEmpty()) {
      return "no Spark jars in " + sparkLibs + ": run `./mvnw -B verify`";
    }
    if (!Files.isDirectory(samples.resolve("crawl"))) {
      return "no sample inputs at " + samples;
    }
    return null;
  }

  List<Path> sparkJars() {
    if (!Files.isDirectory(sparkLibs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(sparkLibs)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + sparkLibs, e);
    }
  }
}

package org.framelens.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in headless Chromium (when /usr/bin/chromium exists). The screenshot stays in
 * {@code jobs/target/report-test/report.png} for a person to look at.
 */
class ReportChromiumTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /**
   * Lines about the page: Chromium logs every console message (console.error included) as {@code
   * INFO:CONSOLE:<line>}, and script errors as "Uncaught ...". The report has no scripts, so any
   * such line is a fault.
   */
  static final Pattern PAGE_ERROR =
      Pattern.compile("Uncaught|console error|:CONSOLE\\b", Pattern.CASE_INSENSITIVE);

  @TempDir Path tmp;

  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium package");
  }

  record Rendering(Path png, List<String> pageErrors) {}

  @Test
  void reportRendersToANonTrivialScreenshotWithoutPageErrors() throws Exception {
    Path dir = Path.of("target", "report-test").toAbsolutePath();
    Files.createDirectories(dir);
    Path html = dir.resolve("report.html");
    Files.writeString(html, ReportPage.render(SampleReports.data()), StandardCharsets.UTF_8);

    Rendering r = render(html, dir.resolve("report.png"));

    assertThat(r.png()).exists();
    assertThat(Files.size(r.png())).isGreaterThan(10_000);
    assertThat(r.pageErrors()).isEmpty();
  }

  @Test
  void consoleErrorsAndUncaughtExceptionsOfAPageAreCaughtByTheStderrCheck() throws Exception {
    // proves the check above can fail: the same rendering of a page whose script throws
    Path html = tmp.resolve("broken.html");
    Files.writeString(
        html,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>x</p>"
            + "<script>console.error('broken report'); undefinedFunction();</script></body></html>",
        StandardCharsets.UTF_8);

    Rendering r = render(html, tmp.resolve("broken.png"));

    assertThat(r.pageErrors())
        .anySatisfy(line -> assertThat(line).contains("broken report"))
        .anySatisfy(line -> assertThat(line).contains("Uncaught ReferenceError"));
  }

  private Rendering render(Path html, Path png) throws IOException, InterruptedException {
    Files.deleteIfExists(png);
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path stderr = tmp.resolve(png.getFileName() + ".stderr.txt");
    Process p =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--screenshot=" + png,
                "--window-size=1280,2000",
                "--enable-logging=stderr",
                "--v=0",
                html.toUri().toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(stderr.toFile())
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    List<String> errors =
        Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
            .filter(line -> PAGE_ERROR.matcher(line).find())
            .toList();
    return new Rendering(png, errors);
  }
}

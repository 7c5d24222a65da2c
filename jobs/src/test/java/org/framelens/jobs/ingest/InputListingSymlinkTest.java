package org.framelens.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Symbolic links in an input folder: none followed by default, only inward ones on request. */
@Timeout(30) // a hang guard: two link loops once kept the listing busy until killed
class InputListingSymlinkTest {
  @TempDir Path tmp;

  private Path root;
  private Path outside;

  private Path file(Path p, String text) throws IOException {
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private void setUp() throws IOException {
    root = Files.createDirectories(tmp.resolve("input"));
    outside = file(tmp.resolve("elsewhere/secret.txt"), "not an article");
    file(root.resolve("harbour/story.html"), "<p>The harbour board met.</p>");
    file(root.resolve("ferry/story.html"), "<p>The ferry runs again.</p>");
  }

  private static List<InputFile> list(Path root, boolean follow) throws IOException {
    Configuration conf = new Configuration();
    conf.setBoolean(InputListing.FOLLOW_SYMLINKS, follow);
    return InputListing.list(List.of(root.toString()), conf);
  }

  private static List<String> read(List<InputFile> files, Path root) {
    return files.stream().filter(f -> f.skipped() == null).map(f -> relative(f, root)).toList();
  }

  private static Map<String, String> skipped(List<InputFile> files, Path root) {
    return files.stream()
        .filter(f -> f.skipped() != null)
        .collect(Collectors.toMap(f -> relative(f, root), f -> f.skipped().errorClass()));
  }

  private static String relative(InputFile f, Path root) {
    String p = new org.apache.hadoop.fs.Path(f.path()).toUri().getPath();
    return p.substring(root.toString().length() + 1);
  }

  @Test
  void aLinkToAFileOutsideTheInputFolderIsNeverReadWithOrWithoutTheOption() throws IOException {
    setUp();
    Files.createSymbolicLink(root.resolve("harbour/passwd.html"), outside);

    for (boolean follow : new boolean[] {false, true}) {
      List<InputFile> files = list(root, follow);
      assertThat(read(files, root)).containsExactly("ferry/story.html", "harbour/story.html");
      assertThat(skipped(files, root))
          .containsExactly(Map.entry("harbour/passwd.html", InputListing.LINK_OUTSIDE_ROOT));
      assertThat(files).noneMatch(f -> f.path().contains("elsewhere"));
    }
  }

  @Test
  void aLinkLoopListsEveryFileOnceAndIsOneSkippedLink() throws IOException {
    setUp();
    Files.createSymbolicLink(root.resolve("harbour/back"), root);

    List<InputFile> plain = list(root, false);
    assertThat(read(plain, root)).containsExactly("ferry/story.html", "harbour/story.html");
    assertThat(skipped(plain, root))
        .containsExactly(Map.entry("harbour/back", InputListing.LINK_NOT_FOLLOWED));

    List<InputFile> followed = list(root, true);
    assertThat(read(followed, root)).containsExactly("ferry/story.html", "harbour/story.html");
    assertThat(skipped(followed, root))
        .containsExactly(Map.entry("harbour/back", InputListing.LINK_LOOP));
  }

  @Test
  void twoLoopsAndLinksThatPointAtEachOtherFinishQuickly() throws IOException {
    setUp();
    Files.createSymbolicLink(root.resolve("harbour/to-ferry"), root.resolve("ferry"));
    Files.createSymbolicLink(root.resolve("ferry/to-harbour"), root.resolve("harbour"));
    Files.createSymbolicLink(root.resolve("ping"), root.resolve("pong"));
    Files.createSymbolicLink(root.resolve("pong"), root.resolve("ping"));

    for (boolean follow : new boolean[] {false, true}) {
      List<InputFile> files = list(root, follow);
      assertThat(read(files, root)).containsExactly("ferry/story.html", "harbour/story.html");
      assertThat(skipped(files, root))
          .containsOnlyKeys("harbour/to-ferry", "ferry/to-harbour", "ping", "pong");
      if (follow) {
        assertThat(skipped(files, root))
            .containsEntry("harbour/to-ferry", InputListing.LINK_LOOP)
            .containsEntry("ping", InputListing.LINK_LOOP);
      }
    }
  }

  @Test
  void aLinkInsideTheFolderIsReadOnlyWithTheOptionAndAFileReachedTwiceOnce() throws IOException {
    setUp();
    Path archived = file(root.resolve("_archive/old.html"), "<p>An older story.</p>");
    Files.createSymbolicLink(root.resolve("harbour/old.html"), archived);
    Files.createSymbolicLink(root.resolve("ferry/same.html"), root.resolve("ferry/story.html"));
    Files.createSymbolicLink(root.resolve("gone.html"), root.resolve("nothing-here.html"));

    List<InputFile> plain = list(root, false);
    assertThat(read(plain, root)).containsExactly("ferry/story.html", "harbour/story.html");
    assertThat(skipped(plain, root))
        .containsEntry("harbour/old.html", InputListing.LINK_NOT_FOLLOWED)
        .containsEntry("ferry/same.html", InputListing.LINK_NOT_FOLLOWED)
        .containsEntry("gone.html", InputListing.LINK_BROKEN);

    List<InputFile> followed = list(root, true);
    assertThat(read(followed, root))
        .containsExactly("ferry/story.html", "harbour/old.html", "harbour/story.html");
    // the linked file keeps the link's folder as its outlet
    assertThat(followed)
        .filteredOn(f -> f.path().endsWith("harbour/old.html"))
        .extracting(InputFile::outlet, InputFile::size)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("harbour", 22L));
    assertThat(skipped(followed, root))
        .containsEntry("ferry/same.html", InputListing.LINK_ALREADY_LISTED)
        .containsEntry("gone.html", InputListing.LINK_BROKEN);

    assertThat(InputListing.skippedLinksNote(plain))
        .startsWith("skipped symlinks 3 (outside root 0, loops 0, not followed 2,");
    assertThat(InputListing.skippedLinksNote(List.of())).isNull();
  }
}

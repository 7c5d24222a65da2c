package org.framelens.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.framelens.common.input.FolderManifest;
import org.framelens.common.input.InputFiles;

/**
 * Lists the input files of a run through the Hadoop FileSystem API (local, HDFS, S3...).
 *
 * <p>Symbolic links are not followed by default: each one under an input folder is listed as a
 * skipped path (one quarantine row, counted in the run summary by {@link #skippedLinksNote}), so a
 * link cannot make a file outside the input folder an article, nor a link loop list a file many
 * times or hang the listing. With {@link #FOLLOW_SYMLINKS} a link is followed when its real path
 * lies inside the input folder's real path and was not listed yet (the real paths of listed folders
 * and files are kept: a loop or a second way to the same file is skipped). Links are seen on the
 * local file system (through java.nio, as Hadoop's local file system follows them silently); on
 * HDFS a link the listing reports is skipped, never followed; object stores have none.
 */
public final class InputListing {
  private InputListing() {}

  /** Hadoop configuration key: follow symbolic links that stay inside the input folder. */
  public static final String FOLLOW_SYMLINKS = "framelens.input.follow-symlinks";

  /** Error classes of skipped links. */
  public static final String LINK_NOT_FOLLOWED = "symlink_not_followed";

  public static final String LINK_OUTSIDE_ROOT = "symlink_outside_root";
  public static final String LINK_LOOP = "symlink_loop";
  public static final String LINK_ALREADY_LISTED = "symlink_already_listed";
  public static final String LINK_BROKEN = "symlink_broken";

  /**
   * Every file under the given paths (directories recursively), sorted by path. Hidden files
   * (starting with {@code .} or {@code _}) and folder manifests are not inputs; symbolic links are
   * skipped paths unless {@link #FOLLOW_SYMLINKS} is set (see the class comment).
   *
   * @throws IllegalArgumentException when an input path does not exist
   */
  public static List<InputFile> list(List<String> inputs, Configuration conf) throws IOException {
    boolean follow = conf.getBoolean(FOLLOW_SYMLINKS, false);
    List<InputFile> files = new ArrayList<>();
    for (String input : inputs) {
      Path root = new Path(input);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new IllegalArgumentException("input does not exist: " + input);
      }
      FileStatus rootStatus = fs.getFileStatus(root);
      Path qualifiedRoot = rootStatus.getPath();
      if (rootStatus.isFile()) {
        files.add(inputFile(rootStatus, null, null));
        continue;
      }
      Map<String, FolderManifest.Entry> manifest = Map.of();
      Path manifestPath = new Path(qualifiedRoot, FolderManifest.FILE_NAME);
      if (fs.exists(manifestPath)) {
        try (InputStream in = fs.open(manifestPath)) {
          manifest =
              FolderManifest.parse(
                  new String(in.readAllBytes(), StandardCharsets.UTF_8), manifestPath.toString());
        }
      }
      String rootPrefix = qualifiedRoot.toUri().getPath();
      if (!rootPrefix.endsWith("/")) {
        rootPrefix += "/";
      }
      for (FileStatus st : walk(fs, qualifiedRoot, rootPrefix, follow, files)) {
        String relative = st.getPath().toUri().getPath().substring(rootPrefix.length());
        if (relative.equals(FolderManifest.FILE_NAME)) {
          continue;
        }
        String name = st.getPath().getName();
        if (InputFiles.isCrawl(name)) {
          files.add(inputFile(st, null, null));
          continue;
        }
        FolderManifest.Entry entry = manifest.get(relative);
        int slash = relative.indexOf('/');
        String folderOutlet = slash > 0 ? relative.substring(0, slash) : null;
        files.add(
            inputFile(
                st,
                entry != null && entry.outlet() != null ? entry.outlet() : folderOutlet,
                entry));
      }
    }
    files.sort(Comparator.comparing(InputFile::path));
    return files;
  }

  /**
   * The files under {@code root} that are not hidden; skipped links go to {@code skipped}. The
   * folders reached without a link are listed first, so a file keeps its own path when a link leads
   * to it too; then the links, each (when followed) adding its folder's links to the queue.
   */
  private static List<FileStatus> walk(
      FileSystem fs, Path root, String rootPrefix, boolean follow, List<InputFile> skipped)
      throws IOException {
    boolean local = "file".equals(fs.getUri().getScheme());
    java.nio.file.Path realRoot = local ? java.nio.file.Path.of(root.toUri()).toRealPath() : null;
    Set<java.nio.file.Path> listedDirs = new HashSet<>();
    Set<java.nio.file.Path> listedFiles = new HashSet<>();
    List<FileStatus> out = new ArrayList<>();
    ArrayDeque<FileStatus> links = new ArrayDeque<>();
    ArrayDeque<Path> dirs = new ArrayDeque<>();
    dirs.add(root);
    if (local) {
      listedDirs.add(realRoot);
    }
    while (!dirs.isEmpty() || !links.isEmpty()) {
      if (dirs.isEmpty()) {
        FileStatus link = links.poll();
        java.nio.file.Path real;
        InputFile.Skip why;
        java.nio.file.Path nio = local ? java.nio.file.Path.of(link.getPath().toUri()) : null;
        if (!local) {
          why = new InputFile.Skip(LINK_NOT_FOLLOWED, "a symbolic link on " + fs.getUri());
        } else {
          try {
            real = nio.toRealPath();
            why = null;
            if (!real.startsWith(realRoot)) {
              why =
                  new InputFile.Skip(
                      LINK_OUTSIDE_ROOT,
                      "a symbolic link to " + real + ", outside the input folder " + realRoot);
            } else if (!follow) {
              why =
                  new InputFile.Skip(
                      LINK_NOT_FOLLOWED,
                      "a symbolic link (to "
                          + real
                          + "); links are not followed without --follow-symlinks");
            } else if (Files.isDirectory(real)) {
              if (!listedDirs.add(real)) {
                why =
                    new InputFile.Skip(
                        LINK_LOOP,
                        "a symbolic link to the folder "
                            + real
                            + ", which is listed already (a loop or a second way in)");
              } else {
                dirs.add(link.getPath());
              }
            } else if (!listedFiles.add(real)) {
              why =
                  new InputFile.Skip(
                      LINK_ALREADY_LISTED, "a symbolic link to " + real + ", listed already");
            } else {
              out.add(fs.getFileStatus(link.getPath()));
            }
          } catch (java.nio.file.NoSuchFileException e) {
            why = new InputFile.Skip(LINK_BROKEN, "a symbolic link to nothing: " + target(nio));
          } catch (java.nio.file.FileSystemException e) {
            // the OS gave up resolving it (ELOOP): links that point at each other
            why =
                new InputFile.Skip(
                    LINK_LOOP, "a symbolic link that does not resolve: " + e.getMessage());
          }
        }
        if (why != null) {
          skipped.add(
              InputFile.skipped(
                  link.getPath().toString(),
                  Instant.ofEpochMilli(link.getModificationTime()),
                  why));
        }
        continue;
      }
      Path dir = dirs.poll();
      for (Entry e : entries(fs, dir, local)) {
        String relative = e.path().toUri().getPath().substring(rootPrefix.length());
        if (isHidden(relative)) {
          continue;
        }
        if (e.link()) {
          links.add(linkStatus(fs, e.path(), local));
        } else if (e.directory()) {
          if (local) {
            listedDirs.add(java.nio.file.Path.of(e.path().toUri()).toRealPath());
          }
          dirs.add(e.path());
        } else {
          FileStatus st = fs.getFileStatus(e.path());
          if (local) {
            listedFiles.add(java.nio.file.Path.of(e.path().toUri()).toRealPath());
          }
          out.add(st);
        }
      }
    }
    return out;
  }

  private record Entry(Path path, boolean link, boolean directory) {}

  /**
   * A folder's entries, sorted. On the local file system through java.nio: Hadoop's local listing
   * follows links and drops the ones it cannot resolve (broken ones, loops) without a word.
   */
  private static List<Entry> entries(FileSystem fs, Path dir, boolean local) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (local) {
      try (java.nio.file.DirectoryStream<java.nio.file.Path> ds =
          Files.newDirectoryStream(java.nio.file.Path.of(dir.toUri()))) {
        for (java.nio.file.Path p : ds) {
          Path child = new Path(dir, p.getFileName().toString());
          boolean link = Files.isSymbolicLink(p);
          out.add(
              new Entry(
                  child,
                  link,
                  !link && Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)));
        }
      }
    } else {
      for (FileStatus st : fs.listStatus(dir)) {
        out.add(new Entry(st.getPath(), st.isSymlink(), !st.isSymlink() && st.isDirectory()));
      }
    }
    out.sort(Comparator.comparing(e -> e.path().toString()));
    return out;
  }

  /** The link's own status (its time, not its target's, which may not exist). */
  private static FileStatus linkStatus(FileSystem fs, Path path, boolean local) {
    long time = 0;
    try {
      time =
          local
              ? Files.getLastModifiedTime(
                      java.nio.file.Path.of(path.toUri()), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                  .toMillis()
              : fs.getFileLinkStatus(path).getModificationTime();
    } catch (IOException | RuntimeException e) {
      // the time is only a fallback crawl time: none is fine
    }
    return new FileStatus(0, false, 0, 0, time, path);
  }

  private static String target(java.nio.file.Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  /**
   * The run summary's line on skipped links, or null when there were none: {@code skipped symlinks
   * N (outside root M, loops K, ...)}.
   */
  public static String skippedLinksNote(List<InputFile> files) {
    Map<String, Long> by = new java.util.TreeMap<>();
    long n = 0;
    for (InputFile f : files) {
      if (f.skipped() != null && f.skipped().errorClass().startsWith("symlink_")) {
        by.merge(f.skipped().errorClass(), 1L, Long::sum);
        n++;
      }
    }
    if (n == 0) {
      return null;
    }
    return "skipped symlinks "
        + n
        + " (outside root "
        + by.getOrDefault(LINK_OUTSIDE_ROOT, 0L)
        + ", loops "
        + by.getOrDefault(LINK_LOOP, 0L)
        + ", not followed "
        + by.getOrDefault(LINK_NOT_FOLLOWED, 0L)
        + ", already listed "
        + by.getOrDefault(LINK_ALREADY_LISTED, 0L)
        + ", broken "
        + by.getOrDefault(LINK_BROKEN, 0L)
        + "): one quarantine row each";
  }

  private static boolean isHidden(String relative) {
    for (String part : relative.split("/")) {
      if (part.startsWith(".") || part.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static InputFile inputFile(FileStatus st, String outlet, FolderManifest.Entry entry) {
    return new InputFile(
        st.getPath().toString(),
        st.getLen(),
        entry != null && entry.crawled() != null
            ? entry.crawled()
            : Instant.ofEpochMilli(st.getModificationTime()),
        outlet,
        entry == null ? null : entry.url(),
        entry == null ? null : entry.published());
  }
}

package org.framelens.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.framelens.common.input.FolderManifest;
import org.framelens.common.input.InputFiles;

/** Lists the input files of a run through the Hadoop FileSystem API (local, HDFS, S3...). */
public final class InputListing {
  private InputListing() {}

  /**
   * Every file under the given paths (directories recursively), sorted by path. Hidden files
   * (starting with {@code .} or {@code _}) and folder manifests are not inputs.
   *
   * @throws IllegalArgumentException when an input path does not exist
   */
  public static List<InputFile> list(List<String> inputs, Configuration conf) throws IOException {
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
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(qualifiedRoot, true);
      String rootPrefix = qualifiedRoot.toUri().getPath();
      if (!rootPrefix.endsWith("/")) {
        rootPrefix += "/";
      }
      while (it.hasNext()) {
        LocatedFileStatus st = it.next();
        String relative = st.getPath().toUri().getPath().substring(rootPrefix.length());
        if (isHidden(relative) || relative.equals(FolderManifest.FILE_NAME)) {
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
        Instant.ofEpochMilli(st.getModificationTime()),
        outlet,
        entry == null ? null : entry.url(),
        entry == null ? null : entry.published());
  }
}

package org.framelens.jobs.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lease on an output folder: one writer (a {@code run}, {@code nightly} or {@code retag}) at a
 * time.
 *
 * <p>The lease is the file {@code _framelens/lock}, holding its owner, created by an atomic
 * create-if-absent of the file system: on a local disk (and NFS, untested here) a hard link from a
 * private file that already holds the owner ({@code link(2)} fails when the name exists, so of any
 * number of processes exactly one succeeds; Hadoop's {@code LocalFileSystem.create(path, false)} is
 * a check-then-create and is not used there); on HDFS {@code create(path, overwrite=false)}, which
 * the NameNode decides atomically. A stale lease is taken over by renaming it to a name of the
 * taker's own (one renamer wins) and checking it is still the lease judged stale. While the run
 * goes on, a daemon thread renews it by touching its modification time; a lease not renewed for
 * {@code expiry} belongs to a writer that died (lost node) and is taken over; a holder on the same
 * host whose process is gone (SIGKILL) is taken over at once. Object stores without an atomic
 * create-if-absent (S3A with the Hadoop 3.4.1 we ship) make this best effort: see
 * docs/operations.md.
 */
public final class WriterLock implements AutoCloseable {
  public static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

  /** Another writer holds a live lease on the output. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final LeaseFile file;
  private final Path lock;
  private final String owner;
  private final ScheduledExecutorService renewer;

  private WriterLock(LeaseFile file, Path lock, String owner, Duration expiry) {
    this.file = file;
    this.lock = lock;
    this.owner = owner;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "framelens-writer-lock");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, expiry.toMillis() / 4);
    renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  static Path lockPath(String output) {
    return new Path(new Path(output), OutputCommit.META + "/lock");
  }

  /** The owner text of this process: what it does, then its host and process id. */
  public static String ownerOf(String what) {
    return what + " on " + HOST + " (process " + ProcessHandle.current().pid() + ")";
  }

  private static final String HOST = hostName();

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private static final java.util.regex.Pattern OWNER_PROCESS =
      java.util.regex.Pattern.compile(" on (\\S+) \\(process (\\d+)\\)\\s*$");

  /**
   * True when the holder ran on this host in a process that is gone (killed before it could release
   * the lease): its lease need not wait for expiry.
   */
  static boolean holderIsDeadOnThisHost(String holder) {
    java.util.regex.Matcher m = OWNER_PROCESS.matcher(holder.strip());
    if (!m.find() || !m.group(1).equals(HOST)) {
      return false;
    }
    long pid = Long.parseLong(m.group(2));
    return pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }

  /**
   * Takes the lease on {@code output}, or throws {@link HeldException} naming the live owner.
   *
   * @param owner who takes it (written into the lock for the message another writer gets)
   * @param expiry a lease not renewed for this long is taken over
   */
  public static WriterLock acquire(String output, String owner, Duration expiry, Configuration conf)
      throws IOException {
    Path lock = lockPath(output);
    LeaseFile file = LeaseFile.of(lock, conf);
    file.mkdirs();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (file.createIfAbsent(owner + "\n")) {
        return new WriterLock(file, lock, owner, expiry);
      }
      long modified;
      String holder;
      try {
        modified = file.modified();
        holder = file.read();
      } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException released) {
        continue; // released between our create and our look: try again
      }
      Instant renewed = Instant.ofEpochMilli(modified);
      Duration age = Duration.between(renewed, Instant.now());
      if (age.compareTo(expiry) < 0 && !holderIsDeadOnThisHost(holder)) {
        throw new HeldException(
            "the output "
                + output
                + " is being written by "
                + holder.strip()
                + " (lease renewed "
                + age.toSeconds()
                + " s ago, expires after "
                + expiry.toSeconds()
                + " s without renewal); only one writer (run, nightly, retag) may write to an"
                + " output at a time. If that writer is gone, wait for the lease to expire or"
                + " delete "
                + lock);
      }
      // Take over by renaming the stale lease aside (of several takers one rename wins), then
      // check that what was moved is the lease judged stale and not a fresh one taken meanwhile.
      String aside = "lock.taken-" + UUID.randomUUID();
      if (!file.renameTo(aside)) {
        continue; // another taker moved it first
      }
      String moved = file.readSibling(aside);
      long movedModified = file.siblingModified(aside);
      if (!moved.equals(holder) || movedModified != modified) {
        // a live lease: put it back (only if the name is still free) and give way
        file.restoreSibling(aside);
        throw new HeldException(
            "could not take the writer lease " + lock + ": another writer took it meanwhile");
      }
      file.deleteSibling(aside);
      System.err.println(
          "framelens: taking over the writer lease of "
              + holder.strip()
              + " on "
              + output
              + (age.compareTo(expiry) < 0 ? " (its process is gone)" : " (expired)"));
    }
    throw new HeldException("could not take the writer lease " + lock + ": another writer races");
  }

  /**
   * The lock file through the primitive of its file system that is atomic: java.nio on local paths
   * (Hadoop's local create-if-absent is not), Hadoop's FileSystem elsewhere.
   */
  abstract static class LeaseFile {
    static LeaseFile of(Path lock, Configuration conf) throws IOException {
      FileSystem fs = lock.getFileSystem(conf);
      java.net.URI uri = fs.makeQualified(lock).toUri();
      if ("file".equals(uri.getScheme())
          && (fs instanceof org.apache.hadoop.fs.LocalFileSystem
              || fs instanceof org.apache.hadoop.fs.RawLocalFileSystem)) {
        return new Local(java.nio.file.Path.of(uri));
      }
      return new Hadoop(fs, lock);
    }

    abstract void mkdirs() throws IOException;

    /** Atomic: true for exactly one of any number of concurrent callers while no lease exists. */
    abstract boolean createIfAbsent(String content) throws IOException;

    abstract String read() throws IOException;

    abstract long modified() throws IOException;

    abstract void touch() throws IOException;

    abstract void delete() throws IOException;

    /** Renames the lease to {@code name} beside it; false when it is gone. */
    abstract boolean renameTo(String name) throws IOException;

    abstract String readSibling(String name) throws IOException;

    abstract long siblingModified(String name) throws IOException;

    /** Moves {@code name} back to the lease's name unless a lease exists there again. */
    abstract void restoreSibling(String name) throws IOException;

    abstract void deleteSibling(String name) throws IOException;
  }

  static final class Local extends LeaseFile {
    private final java.nio.file.Path lock;

    Local(java.nio.file.Path lock) {
      this.lock = lock;
    }

    @Override
    void mkdirs() throws IOException {
      java.nio.file.Files.createDirectories(lock.getParent());
    }

    @Override
    boolean createIfAbsent(String content) throws IOException {
      // the owner is written to a private file first, so the lease never exists half written
      java.nio.file.Path mine =
          lock.resolveSibling(".lock-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
      java.nio.file.Files.writeString(mine, content, StandardCharsets.UTF_8);
      try {
        java.nio.file.Files.createLink(lock, mine);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException held) {
        return false;
      } catch (UnsupportedOperationException | java.nio.file.FileSystemException noLinks) {
        if (noLinks instanceof java.nio.file.FileSystemException
            && java.nio.file.Files.exists(lock, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          return false;
        }
        // no hard links on this disk: O_CREAT|O_EXCL, with the owner written just after
        try (var out =
            java.nio.file.Files.newOutputStream(
                lock,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
          out.write(content.getBytes(StandardCharsets.UTF_8));
          return true;
        } catch (java.nio.file.FileAlreadyExistsException held) {
          return false;
        }
      } finally {
        java.nio.file.Files.deleteIfExists(mine);
      }
    }

    @Override
    String read() throws IOException {
      return java.nio.file.Files.readString(lock, StandardCharsets.UTF_8);
    }

    @Override
    long modified() throws IOException {
      return java.nio.file.Files.getLastModifiedTime(lock).toMillis();
    }

    @Override
    void touch() throws IOException {
      java.nio.file.Files.setLastModifiedTime(
          lock, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    }

    @Override
    void delete() throws IOException {
      java.nio.file.Files.deleteIfExists(lock);
    }

    @Override
    boolean renameTo(String name) throws IOException {
      try {
        java.nio.file.Files.move(
            lock, lock.resolveSibling(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
      } catch (java.nio.file.NoSuchFileException gone) {
        return false;
      }
    }

    @Override
    String readSibling(String name) throws IOException {
      return java.nio.file.Files.readString(lock.resolveSibling(name), StandardCharsets.UTF_8);
    }

    @Override
    long siblingModified(String name) throws IOException {
      return java.nio.file.Files.getLastModifiedTime(lock.resolveSibling(name)).toMillis();
    }

    @Override
    void restoreSibling(String name) throws IOException {
      java.nio.file.Path aside = lock.resolveSibling(name);
      try {
        java.nio.file.Files.createLink(lock, aside);
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // a third writer holds it now; the one moved aside has lost its lease
      } finally {
        java.nio.file.Files.deleteIfExists(aside);
      }
    }

    @Override
    void deleteSibling(String name) throws IOException {
      java.nio.file.Files.deleteIfExists(lock.resolveSibling(name));
    }
  }

  static final class Hadoop extends LeaseFile {
    private final FileSystem fs;
    private final Path lock;

    Hadoop(FileSystem fs, Path lock) {
      this.fs = fs;
      this.lock = lock;
    }

    @Override
    void mkdirs() throws IOException {
      fs.mkdirs(lock.getParent());
    }

    @Override
    boolean createIfAbsent(String content) throws IOException {
      try (OutputStream out = fs.create(lock, false)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (IOException e) {
        if (fs.exists(lock)) {
          return false; // some file systems report an existing file with a plain IOException
        }
        throw e;
      }
    }

    @Override
    String read() throws IOException {
      return read(lock);
    }

    private String read(Path p) throws IOException {
      try (InputStream in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (org.apache.hadoop.fs.ChecksumException e) {
        return "(a writer whose lock file cannot be read: " + e.getMessage() + ")";
      }
    }

    @Override
    long modified() throws IOException {
      return fs.getFileStatus(lock).getModificationTime();
    }

    @Override
    void touch() throws IOException {
      fs.setTimes(lock, System.currentTimeMillis(), -1);
    }

    @Override
    void delete() throws IOException {
      fs.delete(lock, false);
    }

    @Override
    boolean renameTo(String name) throws IOException {
      return fs.rename(lock, new Path(lock.getParent(), name));
    }

    @Override
    String readSibling(String name) throws IOException {
      return read(new Path(lock.getParent(), name));
    }

    @Override
    long siblingModified(String name) throws IOException {
      return fs.getFileStatus(new Path(lock.getParent(), name)).getModificationTime();
    }

    @Override
    void restoreSibling(String name) throws IOException {
      Path aside = new Path(lock.getParent(), name);
      if (!fs.exists(lock)) {
        fs.rename(aside, lock);
      }
      fs.delete(aside, false);
    }

    @Override
    void deleteSibling(String name) throws IOException {
      fs.delete(new Path(lock.getParent(), name), false);
    }
  }

  private void renew() {
    try {
      file.touch();
    } catch (IOException | RuntimeException e) {
      System.err.println("framelens: could not renew the writer lease " + lock + ": " + e);
    }
  }

  /** Releases the lease if it is still this writer's. */
  @Override
  public void close() throws IOException {
    renewer.shutdownNow();
    try {
      if (file.read().strip().equals(owner.strip())) {
        file.delete();
      }
    } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException gone) {
      // taken over and released by another writer after ours expired
    }
  }
}

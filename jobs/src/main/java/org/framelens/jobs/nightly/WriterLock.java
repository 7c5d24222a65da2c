package org.framelens.jobs.nightly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A lease on an output folder: one writer (a nightly run) at a time.
 *
 * <p>The lease is the file {@code _framelens/lock}, created only if absent (an atomic create on
 * HDFS and local disks), holding its owner. While the run goes on, a daemon thread renews it by
 * touching its modification time; a lease not renewed for {@code expiry} belongs to a writer that
 * died (lost node) and is taken over; a holder on the same host whose process is gone (SIGKILL) is
 * taken over at once. Object stores without an atomic create-if-absent (S3A) make this best effort:
 * see docs/operations.md.
 */
public final class WriterLock implements AutoCloseable {
  static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(10);

  /** Another writer holds a live lease on the output. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final FileSystem fs;
  private final Path lock;
  private final String owner;
  private final ScheduledExecutorService renewer;

  private WriterLock(FileSystem fs, Path lock, String owner, Duration expiry) {
    this.fs = fs;
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
  static String ownerOf(String what) {
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
  static WriterLock acquire(String output, String owner, Duration expiry, Configuration conf)
      throws IOException {
    Path lock = lockPath(output);
    FileSystem fs = lock.getFileSystem(conf);
    fs.mkdirs(lock.getParent());
    for (int attempt = 0; attempt < 2; attempt++) {
      if (tryCreate(fs, lock, owner)) {
        return new WriterLock(fs, lock, owner, expiry);
      }
      FileStatus st;
      String holder;
      try {
        st = fs.getFileStatus(lock);
        holder = read(fs, lock);
      } catch (java.io.FileNotFoundException released) {
        continue; // released between our create and our look: try again
      }
      Instant renewed = Instant.ofEpochMilli(st.getModificationTime());
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
                + " s without renewal); only one nightly run may write to an output at a time."
                + " If that writer is gone, wait for the lease to expire or delete "
                + lock);
      }
      System.err.println(
          "framelens: taking over the writer lease of "
              + holder.strip()
              + " on "
              + output
              + (age.compareTo(expiry) < 0 ? " (its process is gone)" : " (expired)"));
      fs.delete(lock, false);
    }
    throw new HeldException("could not take the writer lease " + lock + ": another writer races");
  }

  private static boolean tryCreate(FileSystem fs, Path lock, String owner) throws IOException {
    try (OutputStream out = fs.create(lock, false)) {
      out.write((owner + "\n").getBytes(StandardCharsets.UTF_8));
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

  private static String read(FileSystem fs, Path lock) throws IOException {
    try (InputStream in = fs.open(lock)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (org.apache.hadoop.fs.ChecksumException e) {
      return "(a writer whose lock file cannot be read: " + e.getMessage() + ")";
    }
  }

  private void renew() {
    try {
      fs.setTimes(lock, System.currentTimeMillis(), -1);
    } catch (IOException | RuntimeException e) {
      System.err.println("framelens: could not renew the writer lease " + lock + ": " + e);
    }
  }

  /** Releases the lease if it is still this writer's. */
  @Override
  public void close() throws IOException {
    renewer.shutdownNow();
    try {
      if (read(fs, lock).strip().equals(owner.strip())) {
        fs.delete(lock, false);
      }
    } catch (java.io.FileNotFoundException gone) {
      // taken over and released by another writer after ours expired
    }
  }
}

package org.framelens.common.parse;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Enforces a parse deadline from outside the parser, for every format: the parse runs on a worker
 * thread and the caller waits for it at most until the deadline (plus {@link #GRACE_MILLIS}, so a
 * parse that notices the deadline itself ends cleanly). A parse still running then is interrupted
 * and abandoned: the caller gets {@link ParseDeadline.ParseTimeoutException} and goes on.
 *
 * <p>Java cannot stop a thread that ignores interrupts (PDFBox computing does), so an abandoned
 * parse goes on using a CPU until it ends by itself; its parser state is never reused ({@code
 * ArticleParser} takes new parsers). At most {@link #MAX_ABANDONED} abandoned parses may be running
 * in one JVM: while that many are, a new parse first waits up to its own time limit for one to end,
 * and fails as a timeout without being started if none does, so abandoned threads cannot pile up.
 * Only a separate process (Tika's ForkParser, tika-pipes) could kill such a parse outright, at the
 * cost of a JVM per worker.
 */
public final class ParseWatchdog {
  private ParseWatchdog() {}

  /** Time given to a parse past its deadline to notice it and end by itself. */
  static final long GRACE_MILLIS = 100;

  /** Abandoned parses that may still be running in one JVM: one per core, at least two. */
  public static final int MAX_ABANDONED = Math.max(2, Runtime.getRuntime().availableProcessors());

  private static final AtomicInteger running = new AtomicInteger();
  private static final AtomicLong abandoned = new AtomicLong();
  private static final AtomicInteger threads = new AtomicInteger();

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "framelens-parse-" + threads.incrementAndGet());
            t.setDaemon(true); // an abandoned parse never keeps the JVM alive
            return t;
          });

  /** A parse: what it returns or throws is passed on as is. */
  @FunctionalInterface
  public interface Parse<T> {
    T run() throws Exception;
  }

  /** Parses abandoned in this JVM so far. */
  public static long abandoned() {
    return abandoned.get();
  }

  /** Abandoned parses still running in this JVM. */
  public static int abandonedRunning() {
    return running.get();
  }

  /**
   * Runs {@code parse} within {@code timeoutMillis}; {@code onAbandon} runs when it is abandoned.
   */
  public static <T> T run(Parse<T> parse, long timeoutMillis, Runnable onAbandon) throws Exception {
    long start = System.nanoTime();
    long limit = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (running.get() >= MAX_ABANDONED) {
      if (System.nanoTime() - start > limit) {
        throw new ParseDeadline.ParseTimeoutException(
            "parse not started within "
                + timeoutMillis
                + " ms (--parse-timeout-ms): too many abandoned parses still running");
      }
      Thread.sleep(10);
    }
    // 0 running, 1 ended, 2 abandoned: whoever moves it first from 0 decides
    AtomicInteger state = new AtomicInteger();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Future<T> future =
        POOL.submit(
            () -> {
              Thread.currentThread().setContextClassLoader(loader);
              try {
                return parse.run();
              } finally {
                if (!state.compareAndSet(0, 1)) {
                  running.decrementAndGet();
                }
                Thread.interrupted(); // the pool's thread starts the next parse uninterrupted
              }
            });
    try {
      return future.get(
          limit - (System.nanoTime() - start) + GRACE_MILLIS * 1_000_000L, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    } catch (TimeoutException | InterruptedException e) {
      if (!state.compareAndSet(0, 2)) {
        // it ended just now
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return futureResult(future);
      }
      running.incrementAndGet();
      abandoned.incrementAndGet();
      future.cancel(true);
      onAbandon.run();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("parse interrupted");
      }
      // the message the parse's own check gives: a rerun writes the same quarantine row
      throw new ParseDeadline.ParseTimeoutException(timeoutMillis);
    }
  }

  private static <T> T futureResult(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}

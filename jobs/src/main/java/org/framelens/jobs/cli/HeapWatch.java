package org.framelens.jobs.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Watches this JVM's heap while a benchmark runs: the peak of heap in use (sampled), the largest
 * heap still live after a collection, and the time spent collecting. In local mode the JVM is
 * driver and executor at once, so these figures bound an executor's.
 */
public final class HeapWatch implements AutoCloseable {
  private static final long SAMPLE_MILLIS = 50;

  private final Thread sampler;
  private final Set<String> heapPools = new HashSet<>();
  private final long gcMillisAtStart;
  private volatile boolean running = true;
  private volatile long peakUsed;
  private volatile long peakLiveAfterGc;

  public HeapWatch() {
    ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .forEach(p -> heapPools.add(p.getName()));
    gcMillisAtStart = gcMillis();
    sampler = new Thread(this::sample, "framelens-heap-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    while (running) {
      peakUsed =
          Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof com.sun.management.GarbageCollectorMXBean g
            && g.getLastGcInfo() != null) {
          long live = 0;
          for (Map.Entry<String, MemoryUsage> e :
              g.getLastGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
              live += e.getValue().getUsed();
            }
          }
          peakLiveAfterGc = Math.max(peakLiveAfterGc, live);
        }
      }
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** One line: max heap, peak used, peak live after GC, GC time. */
  public String render() {
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    return String.format(
        java.util.Locale.ROOT,
        "heap: max %,d MB, peak in use %,d MB, peak live after GC %,d MB, GC time %.1f s (%s)%n",
        max >> 20,
        peakUsed >> 20,
        peakLiveAfterGc >> 20,
        (gcMillis() - gcMillisAtStart) / 1000.0,
        String.join(
            ", ",
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .toList()));
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}

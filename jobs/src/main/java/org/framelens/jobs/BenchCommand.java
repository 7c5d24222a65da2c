package org.framelens.jobs;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark over real pages.")
final class BenchCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalArgumentException("bench: not built yet");
  }
}

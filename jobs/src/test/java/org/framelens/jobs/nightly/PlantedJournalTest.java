package org.framelens.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit journal planted in a store (by a neighbour who can write there) must not make the next
 * writer's recovery move or delete anything outside the store.
 */
class PlantedJournalTest {
  @TempDir Path tmp;

  Path store;
  Path victim;

  void plant(String line) throws IOException {
    store = tmp.resolve("store");
    victim = tmp.resolve("someone-elses-folder");
    Files.createDirectories(victim);
    Files.writeString(victim.resolve("thesis.txt"), "years of work");
    Files.createDirectories(store.resolve("articles"));
    Files.writeString(store.resolve("articles/part-0.parquet"), "live articles");
    Files.createDirectories(store.resolve("_framelens/commits"));
    Files.writeString(store.resolve("_framelens/commits/run-x.journal"), line + "\n");
  }

  void assertRefusedAndUntouched(String line) throws IOException {
    plant(line);
    assertThatThrownBy(() -> OutputCommit.recover(store.toString(), new Configuration()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refusing the commit journal")
        .hasMessageContaining("run-x.journal");
    assertThat(victim.resolve("thesis.txt")).hasContent("years of work");
    assertThat(store.resolve("articles/part-0.parquet")).hasContent("live articles");
    assertThat(store.resolve("_framelens/commits/run-x.journal")).exists();
    assertThat(store.resolve("_framelens/trash")).doesNotExist();
  }

  @Test
  void aJournalNamingAnAbsoluteFolderOutsideTheStoreIsRefusedAndThatFolderKeepsItsFiles()
      throws IOException {
    Path outside = tmp.resolve("someone-elses-folder");
    assertRefusedAndUntouched(
        tmp.resolve("store/_framelens/staging/run-x/articles") + "\t" + outside);
  }

  @Test
  void aJournalThatPublishesAnOutsideFolderIntoTheStoreIsRefused() throws IOException {
    assertRefusedAndUntouched(tmp.resolve("someone-elses-folder") + "\tarticles");
  }

  @Test
  void aJournalClimbingOutOfTheStoreWithDotDotIsRefused() throws IOException {
    assertRefusedAndUntouched("_framelens/staging/run-x/articles\t../someone-elses-folder");
  }

  @Test
  void aJournalWithAnotherSchemeIsRefused() throws IOException {
    assertRefusedAndUntouched(
        "_framelens/staging/run-x/articles\tfile://" + tmp.resolve("someone-elses-folder"));
  }

  @Test
  void aJournalThatReplacesFramelensOwnFolderIsRefused() throws IOException {
    assertRefusedAndUntouched("_framelens/staging/run-x/articles\t_framelens");
  }

  @Test
  void anUnsafeJournalIsAConfigurationErrorForTheCommandLine() throws IOException {
    plant("/etc\t/tmp");
    try {
      OutputCommit.recover(store.toString(), new Configuration());
      throw new AssertionError("recovery accepted a journal pointing outside the store");
    } catch (IOException e) {
      assertThat(org.framelens.jobs.cli.ExitCodes.of(e)).isEqualTo(2);
    }
  }

  @Test
  void aJournalWrittenByACommitHoldsOnlyPathsRelativeToTheStore() throws IOException {
    Path out = tmp.resolve("store");
    Files.createDirectories(out);
    OutputCommit commit = new OutputCommit(out.toString(), "run-2", new Configuration());
    commit.ensureStaged("frame_hits");
    commit.replace("frame_hits");
    commit.writeJournal();
    String journal = Files.readString(out.resolve("_framelens/commits/run-2.journal"));
    assertThat(journal).isEqualTo("_framelens/staging/run-2/frame_hits\tframe_hits\n");
    assertThat(OutputCommit.recover(out.toString(), new Configuration())).containsExactly("run-2");
    assertThat(out.resolve("frame_hits")).isDirectory();
  }
}

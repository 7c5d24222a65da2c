package org.framelens.common.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FolderManifestTest {
  @Test
  void theCrawledColumnGivesADocumentItsCollectionTimeAndIsOptional() {
    Map<String, FolderManifest.Entry> m =
        FolderManifest.parse(
            "path,url,outlet,published,crawled\n"
                + "a/one.html,https://x.example/1,x,2023-10-21,2023-10-21T09:30:00Z\n"
                + "./b/two.html,,y,2023-10-22T08:00:00+02:00,\n",
            "manifest.csv");

    assertThat(m.get("a/one.html").crawled()).isEqualTo(Instant.parse("2023-10-21T09:30:00Z"));
    assertThat(m.get("a/one.html").published()).isEqualTo(Instant.parse("2023-10-21T00:00:00Z"));
    assertThat(m.get("b/two.html").crawled()).isNull();
    assertThat(m.get("b/two.html").published()).isEqualTo(Instant.parse("2023-10-22T06:00:00Z"));
    assertThat(FolderManifest.parse("path,url\nc.pdf,u\n", "m").get("c.pdf").crawled()).isNull();
  }

  @Test
  void anUnreadableCrawledTimeIsReportedWithItsLineNumber() {
    assertThatThrownBy(
            () ->
                FolderManifest.parse("path,crawled\nok.html,2023-10-21\nbad.html,yesterday\n", "m"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("unreadable crawled time 'yesterday'");
  }
}

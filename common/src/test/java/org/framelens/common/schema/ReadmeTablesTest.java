package org.framelens.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTablesTest {
  @Test
  void theReadmeDocumentsEveryTableAndColumnExactlyAsTheSchemasDeclareThem() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int begin = readme.indexOf(SchemaDocs.BEGIN);
    int end = readme.indexOf(SchemaDocs.END);
    assertThat(begin).as("README has the generated tables section").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String documented = readme.substring(begin + SchemaDocs.BEGIN.length(), end).strip();
    assertThat(documented)
        .as("README tables section; regenerate it with `bin/framelens schema-docs`")
        .isEqualTo(SchemaDocs.markdown().strip());
  }

  @Test
  void everyColumnHasADescription() {
    for (TableSchema t : Tables.ALL) {
      for (Column c : t.columns()) {
        assertThat(c.description()).as("%s.%s", t.name(), c.name()).isNotBlank();
      }
    }
  }
}

package org.framelens.common.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableRowTest {
  @Test
  void valuesComeOutInTheTablesColumnOrderWhateverOrderTheyWereSetIn() {
    TableRow row =
        TableRow.of(Tables.QUARANTINE)
            .set("message", "bad date")
            .set("source_file", "a.warc.gz")
            .set("stage", "read");
    Object[] v = row.values();
    assertThat(v).hasSize(Tables.QUARANTINE.columns().size());
    assertThat(v[Tables.QUARANTINE.columnNames().indexOf("source_file")]).isEqualTo("a.warc.gz");
    assertThat(v[Tables.QUARANTINE.columnNames().indexOf("stage")]).isEqualTo("read");
    assertThat(v[Tables.QUARANTINE.columnNames().indexOf("message")]).isEqualTo("bad date");
    assertThat(v[Tables.QUARANTINE.columnNames().indexOf("url")]).isNull();
  }

  @Test
  void aMisspeltColumnNameFailsInsteadOfShiftingTheOtherValues() {
    assertThatThrownBy(() -> TableRow.of(Tables.QUARANTINE).set("sourcefile", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sourcefile");
  }
}

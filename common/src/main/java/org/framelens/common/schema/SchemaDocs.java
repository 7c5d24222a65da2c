package org.framelens.common.schema;

/** Renders the tables' documentation for the README from the declared schemas. */
public final class SchemaDocs {
  private SchemaDocs() {}

  public static final String BEGIN =
      "<!-- tables:begin (generated from common/.../schema/Tables.java; `bin/framelens schema-docs`) -->";
  public static final String END = "<!-- tables:end -->";

  public static String markdown() {
    StringBuilder b = new StringBuilder();
    for (TableSchema t : Tables.ALL) {
      b.append("### `").append(t.name()).append("/`\n\n");
      b.append("One row = ").append(t.rowDescription()).append('.');
      if (!t.partitionColumns().isEmpty()) {
        b.append(" Partitioned by `")
            .append(String.join("`, `", t.partitionColumns()))
            .append("`.");
      }
      b.append("\n\n| column | type | null? | meaning |\n|---|---|---|---|\n");
      for (Column c : t.columns()) {
        b.append("| `")
            .append(c.name())
            .append("` | ")
            .append(
                c.type() == ColumnType.INT_ARRAY
                    ? "array<int>"
                    : c.type().name().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(c.nullable() ? "yes" : "no")
            .append(" | ")
            .append(c.description().replace("|", "\\|"))
            .append(" |\n");
      }
      b.append('\n');
    }
    return b.toString();
  }
}

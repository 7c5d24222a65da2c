/**
 * The output tables, declared once: names, column types and descriptions (the README documents them
 * from here), and {@link TableRow}, which builds rows by column name.
 */
package org.framelens.common.schema;

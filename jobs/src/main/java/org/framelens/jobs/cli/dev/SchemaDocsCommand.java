package org.framelens.jobs.cli.dev;

import java.util.concurrent.Callable;
import org.framelens.common.schema.SchemaDocs;
import org.framelens.jobs.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(
    name = "schema-docs",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = "Print the README's table documentation, generated from the declared schemas.")
public final class SchemaDocsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.print(SchemaDocs.BEGIN + "\n\n" + SchemaDocs.markdown() + SchemaDocs.END + "\n");
    return ExitCodes.OK;
  }
}

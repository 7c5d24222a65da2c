package org.framelens.jobs;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the jobs module follow the data flow and depend downwards only, as
 * docs/architecture.md draws them: entry → commands → jobs → stages → ingest → spark.
 */
class PackageLayersTest {
  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.framelens.jobs");
  }

  @Test
  void everyPackageDependsOnlyOnPackagesBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("entry")
        .definedBy("org.framelens.jobs")
        .layer("dev commands")
        .definedBy("org.framelens.jobs.cli.dev")
        .layer("commands")
        .definedBy("org.framelens.jobs.cli")
        .layer("jobs")
        .definedBy(
            "org.framelens.jobs.run",
            "org.framelens.jobs.nightly",
            "org.framelens.jobs.retag",
            "org.framelens.jobs.report",
            "org.framelens.jobs.validate")
        .layer("stages")
        .definedBy("org.framelens.jobs.articles", "org.framelens.jobs.compare")
        .layer("ingest")
        .definedBy("org.framelens.jobs.ingest")
        .layer("spark")
        .definedBy("org.framelens.jobs.spark")
        .whereLayer("entry")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("dev commands")
        .mayOnlyBeAccessedByLayers("entry")
        .whereLayer("commands")
        .mayOnlyBeAccessedByLayers("entry", "dev commands")
        .whereLayer("jobs")
        .mayOnlyBeAccessedByLayers("entry", "dev commands", "commands")
        .whereLayer("stages")
        .mayOnlyBeAccessedByLayers("dev commands", "commands", "jobs")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("dev commands", "commands", "jobs", "stages")
        .check(classes);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("org.framelens.jobs.(**)").should().beFreeOfCycles().check(classes);
  }
}

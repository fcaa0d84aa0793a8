package dev.ofastudio.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.ofastudio.engine.AllowedToUseStandardStreams;

/** The engine stays headless: no UI toolkits, and only the CLI writes to the standard streams. */
@AnalyzeClasses(packages = "dev.ofastudio.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {
    @ArchTest
    static final ArchRule noUiToolkits = noClasses()
            .that().resideInAPackage("dev.ofastudio.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
            .because("the engine must run headless in the CLI and in CI");

    /** AWT only where image files are decoded (BufferedImage works headless); nowhere else. */
    @ArchTest
    static final ArchRule awtOnlyToDecodeImages = noClasses()
            .that().resideInAPackage("dev.ofastudio.engine..")
            .and().resideOutsideOfPackage("dev.ofastudio.engine.data..")
            .should().dependOnClassesThat().resideInAnyPackage("java.awt..")
            .because("the engine must run headless in the CLI and in CI");

    @ArchTest
    static final ArchRule onlyTheCliUsesStandardStreams = noClasses()
            .that().resideInAPackage("dev.ofastudio.engine..")
            .and().resideOutsideOfPackage("dev.ofastudio.engine.cli..")
            .and().areNotAnnotatedWith(AllowedToUseStandardStreams.class)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("library code reports through return values, exceptions and ProgressListener; "
                    + "only the CLI owns stdout and stderr");
}

package dev.ofastudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The studio's MVVM boundaries. */
@AnalyzeClasses(packages = "dev.ofastudio.app", importOptions = ImportOption.DoNotIncludeTests.class)
class AppArchitectureTest {
    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models hold state and commands only; views build nodes and bind (MVVM), "
                    + "which keeps view models testable without a window");

    @ArchTest
    static final ArchRule onlyTheDialogServiceOpensFileChoosers = noClasses()
            .that().resideOutsideOfPackage("dev.ofastudio.app.service..")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.FileChooser")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("javafx.stage.DirectoryChooser")
            .because("file dialogs go through DialogService so tests can substitute a fake");
}

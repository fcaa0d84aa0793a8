package dev.ofastudio.app.heatmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.ofastudio.app.diagram.DiagramBox;
import dev.ofastudio.app.diagram.DiagramLayout;
import dev.ofastudio.app.diagram.DiagramShape;
import dev.ofastudio.app.diagram.DiagramSvg;
import dev.ofastudio.app.diagram.DiagramViewModel;
import org.junit.jupiter.api.Test;

/** MVVM boundaries of the heatmap and diagram panes. */
class HeatmapArchitectureTest {
    private final JavaClasses classes = importWithoutResolving(
            HeatmapViewModel.class, HeatmapTable.class, HeatmapRow.class, HeatmapMetric.class, ColourScale.class,
            WhatIfGrid.class, BoardAnalyzer.class, DiagramViewModel.class, DiagramLayout.class, DiagramSvg.class,
            DiagramShape.class, DiagramShape.Rect.class, DiagramShape.Text.class, DiagramShape.Line.class,
            DiagramBox.class);

    /**
     * Imports the classes by name and leaves their dependencies as stubs (package names are all
     * the rules need): scanning and resolving the class path took 10-30 s on the shared machine.
     */
    private static JavaClasses importWithoutResolving(Class<?>... types) {
        ArchConfiguration config = ArchConfiguration.get();
        boolean before = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter().importClasses(types);
        } finally {
            config.setResolveMissingDependenciesFromClassPath(before);
        }
    }

    @Test
    void viewModelsSeeNoScenegraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models hold state and call the engine; only views build nodes")
                .check(classes);
    }

    @Test
    void layoutAndTablesAreFreeOfJavaFx() {
        noClasses().that().haveSimpleNameStartingWith("DiagramLayout")
                .or().haveSimpleNameStartingWith("Rect").or().haveSimpleNameStartingWith("Text")
                .or().haveSimpleNameStartingWith("Line")
                .or().haveSimpleNameStartingWith("DiagramSvg")
                .or().haveSimpleNameStartingWith("DiagramShape")
                .or().haveSimpleNameStartingWith("DiagramBox")
                .or().haveSimpleNameStartingWith("ColourScale")
                .or().haveSimpleNameStartingWith("HeatmapTable")
                .or().haveSimpleNameStartingWith("HeatmapRow")
                .or().haveSimpleNameStartingWith("WhatIfGrid")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the layout and the tables are computed once and read by both the canvas and the SVG writer")
                .check(classes);
    }
}

package dev.ofastudio.app.project;

import dev.ofastudio.engine.project.Project;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The project switcher at the head of the inputs panel: a combo of the built-in projects and
 * opened folders, and a button to open a project folder. Picking a project opens it (once unsaved
 * work is dealt with); the combo shows the open project. Binds only.
 */
public final class ProjectSwitcher extends VBox {
    public ProjectSwitcher(ProjectViewModel vm) {
        super(6);
        setId("projectSwitcher");
        setPadding(new Insets(10, 10, 0, 10));
        Label heading = new Label("Project");
        heading.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
        ComboBox<Project> combo = new ComboBox<>(vm.projects());
        combo.setId("projectChoice");
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setValue(vm.currentProperty().get());
        combo.setOnAction(e -> {
            Project picked = combo.getValue();
            if (picked != null && !picked.equals(vm.currentProperty().get())) {
                vm.open(picked);
                // Not switching (yet): kept at "save changes first?", or saving before the switch.
                if (!vm.loadingProperty().get()) {
                    combo.setValue(vm.currentProperty().get());
                }
            }
        });
        // The combo follows the open project, and falls back to it when an open fails or is cancelled.
        vm.currentProperty().addListener((o, a, p) -> combo.setValue(p));
        vm.loadingProperty().addListener((o, was, now) -> {
            if (!now && combo.getValue() != vm.currentProperty().get()) {
                combo.setValue(vm.currentProperty().get());
            }
        });
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        tip.textProperty().bind(Bindings.createStringBinding(() -> {
            Project p = vm.currentProperty().get();
            return p == null ? "" : p.name() + " — " + p.space().id() + (p.notice().isEmpty() ? "" : "\n" + p.notice());
        }, vm.currentProperty()));
        combo.setTooltip(tip);
        Button folder = new Button("Open project folder…");
        folder.setId("openProjectFolder");
        folder.setTooltip(new Tooltip("A folder with a project.json: space, predictor and latency tables"));
        folder.setOnAction(e -> vm.openFolder());
        getChildren().addAll(heading, combo, folder);
    }
}

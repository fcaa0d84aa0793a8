package dev.ofastudio.app.project;

import dev.ofastudio.engine.project.Project;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The project switcher: a combo of the built-in projects and opened folders, and a button to open
 * a project folder. Picking a project opens it; the combo shows the open project. Binds only.
 */
public final class ProjectSwitcher extends HBox {
    public ProjectSwitcher(ProjectViewModel vm) {
        super(6);
        setAlignment(Pos.CENTER_LEFT);
        ComboBox<Project> combo = new ComboBox<>(vm.projects());
        combo.setId("projectChoice");
        combo.setPrefWidth(260);
        combo.setValue(vm.currentProperty().get());
        combo.setOnAction(e -> {
            Project picked = combo.getValue();
            if (picked != null && !picked.equals(vm.currentProperty().get())) {
                vm.open(picked);
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
        Button folder = new Button("Open…");
        folder.setId("openProjectFolder");
        folder.setTooltip(new Tooltip("Open a project folder (with its project.json)"));
        folder.setOnAction(e -> vm.openFolder());
        getChildren().addAll(new Label("Project:"), combo, folder);
    }
}

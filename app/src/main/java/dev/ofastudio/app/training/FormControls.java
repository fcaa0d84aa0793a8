package dev.ofastudio.app.training;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The controls the job forms of the Training tab share: labels, buttons, path fields, the job bar. */
final class FormControls {
    /** Width of the label column, so the forms' fields line up under the job choice. */
    static final double LABEL_WIDTH = 104;

    private FormControls() {
    }

    /** A form grid whose first column holds the labels. */
    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(6, 8, 0, 8));
        grid.getColumnConstraints().add(new ColumnConstraints(LABEL_WIDTH));
        return grid;
    }

    static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A short text field bound both ways to {@code text}, e.g. a number as typed. */
    static TextField textField(String id, int columns, StringProperty text, String hint) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        f.textProperty().bindBidirectional(text);
        f.setTooltip(new Tooltip(hint));
        return f;
    }

    /**
     * Start, Pause, Resume and Cancel with the progress bar, {@code extra} (e.g. a rows counter),
     * the ETA and the status line; ids are {@code prefix-start}, {@code prefix-progress}, ….
     */
    static HBox jobBar(JobCommands c, String prefix, String pauseHint, Node... extra) {
        Button start = button("Start", prefix + "-start", c::start);
        start.disableProperty().bind(c.canStartProperty().not());
        Button pause = button("Pause", prefix + "-pause", c::pause);
        pause.disableProperty().bind(c.canPauseProperty().not());
        pause.setTooltip(new Tooltip(pauseHint));
        Button resume = button("Resume", prefix + "-resume", c::resume);
        resume.disableProperty().bind(c.canResumeProperty().not());
        Button cancel = button("Cancel", prefix + "-cancel", c::cancel);
        cancel.disableProperty().bind(c.canCancelProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId(prefix + "-progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(c.progressProperty());
        Label eta = new Label();
        eta.setId(prefix + "-eta");
        eta.setMinWidth(Region.USE_PREF_SIZE);
        eta.textProperty().bind(c.etaProperty());
        Label status = new Label();
        status.setId(prefix + "-status");
        status.textProperty().bind(c.statusProperty());
        status.setMinWidth(0);
        status.setTooltip(new Tooltip());
        status.getTooltip().textProperty().bind(c.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox box = new HBox(8, start, pause, resume, cancel, bar);
        box.getChildren().addAll(extra);
        box.getChildren().addAll(eta, status);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 8, 6, 8));
        return box;
    }

    /**
     * A path field the user can type or paste into (Enter or leaving the field commits it to
     * {@code typed}; {@code ~} is the home folder) and that shows what a Choose… dialog picked.
     */
    static TextField pathField(String id, ObjectProperty<Path> path, String prompt, Consumer<Path> typed) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        Runnable show = () -> f.setText(path.get() == null ? "" : path.get().toString());
        path.addListener((o, a, b) -> show.run());
        show.run();
        Runnable commit = () -> {
            String t = f.getText().strip();
            if (t.isEmpty() || path.get() != null && t.equals(path.get().toString())) {
                show.run();
                return;
            }
            if (t.equals("~") || t.startsWith("~/")) {
                t = System.getProperty("user.home") + t.substring(1);
            }
            try {
                typed.accept(Path.of(t).toAbsolutePath().normalize());
            } catch (InvalidPathException e) {
                // not a path on this system: keep what was there
            }
            show.run();
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return f;
    }
}

package dev.ofastudio.app.service;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The body of an error dialog: the summary, then every problem as its own wrapped paragraph
 * (file, field, expected), scrolling when there are many. Nothing is cut to one line.
 */
public final class ErrorContent {
    static final double WIDTH = 620;

    private ErrorContent() {
    }

    public static VBox of(String summary, List<String> problems) {
        Label head = wrapped(summary);
        head.setId("errorSummary");
        VBox box = new VBox(10, head);
        box.setPrefWidth(WIDTH);
        if (!problems.isEmpty()) {
            VBox list = new VBox(6);
            list.setId("errorProblems");
            for (String p : problems) {
                Label l = wrapped("\u2022 " + p);
                l.getStyleClass().add("error-problem");
                list.getChildren().add(l);
            }
            ScrollPane scroll = new ScrollPane(list);
            scroll.setFitToWidth(true);
            scroll.setPrefViewportHeight(Math.min(320, 30.0 * problems.size() + 10));
            scroll.setPrefViewportWidth(WIDTH - 20);
            box.getChildren().add(scroll);
        }
        return box;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(WIDTH - 30);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}

package dev.ofastudio.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class StudioApp extends Application {
    @Override
    public void start(Stage stage) {
        BorderPane root = new BorderPane(new Label("OFA Studio"));
        stage.setTitle("OFA Studio");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}

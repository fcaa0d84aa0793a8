package dev.ofastudio.app.welcome;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The first-run pane: what the three inputs are, and two ways to get a predictor. Binds only. */
public final class WelcomeView extends VBox {
    public WelcomeView(WelcomeViewModel vm) {
        super(14);
        setId("welcomePane");
        setPadding(new Insets(36));
        setMaxWidth(760);
        setMaxHeight(USE_PREF_SIZE);
        setAlignment(Pos.TOP_LEFT);
        setStyle("-fx-background-color: white; -fx-border-color: #bbb; -fx-border-radius: 6; -fx-background-radius: 6;");

        Label title = new Label("Welcome to OFA Studio");
        title.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        Label intro = new Label("Find the most accurate Once-for-All sub-network for your FPGA and latency budget. "
                + "A search needs three inputs:");
        intro.setWrapText(true);
        Label inputs = new Label(
                "1.  The search space: OFA MobileNetV3 at width 1.0 or 1.2 (kernel, expand, depth, resolution).\n"
                + "2.  An accuracy predictor: a small MLP that predicts a sub-network's ImageNet top-1 from its "
                + "architecture, so no network is trained or run.\n"
                + "3.  One or more latency sources: the shipped DPU board profiles (ZCU102, ZCU104, KV260), or "
                + "your own JSON profile, OFA YAML lookup-table folder or CSV.");
        inputs.setWrapText(true);
        Label need = new Label("The board profiles ship with the studio. The predictor does not: open one, or "
                + "download the official one.");
        need.setWrapText(true);

        Button open = new Button("Open predictor…");
        open.setId("welcomeOpenPredictor");
        open.setOnAction(e -> vm.openPredictor());
        Button download = new Button("Download the official OFA ImageNet accuracy predictor");
        download.setId("welcomeDownload");
        download.setDefaultButton(true);
        download.setOnAction(e -> vm.download());
        download.disableProperty().bind(vm.downloadingProperty());
        HBox buttons = new HBox(10, open, download);

        Label licence = new Label("MIT licence, about 1.5 MB, from the public OFA asset repository:\n" + vm.downloadUrl());
        licence.setWrapText(true);
        licence.setStyle("-fx-text-fill: #555;");

        ProgressBar bar = new ProgressBar();
        bar.setId("welcomeProgress");
        bar.setPrefWidth(360);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.downloadingProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("welcomeCancel");
        cancel.visibleProperty().bind(vm.downloadingProperty());
        cancel.setOnAction(e -> vm.cancelDownload());
        Label msg = new Label();
        msg.setId("welcomeMessage");
        msg.textProperty().bind(vm.messageProperty());
        HBox progress = new HBox(10, bar, cancel, msg);
        progress.setAlignment(Pos.CENTER_LEFT);

        Hyperlink skip = new Hyperlink("Not now: explore the board profiles without a predictor");
        skip.setId("welcomeSkip");
        skip.setOnAction(e -> vm.skip());

        getChildren().addAll(title, intro, inputs, need, buttons, licence, progress, skip);
    }
}

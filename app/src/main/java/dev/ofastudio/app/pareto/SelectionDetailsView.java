package dev.ofastudio.app.pareto;

import javafx.geometry.Insets;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** The selected sub-network as text: config, accuracy, latency per board, MACs, params, ops/byte. */
public final class SelectionDetailsView extends BorderPane {
    public SelectionDetailsView(ParetoViewModel vm) {
        TextArea text = new TextArea();
        text.setId("selectionDetails");
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: monospace;");
        setCenter(text);
        setPadding(new Insets(4));
        vm.selectedProperty().addListener((o, a, s) -> text.setText(s == null ? "Click a point to select a sub-network."
                : vm.describe(s.row()) + "\n\nconfig " + s.config()));
        text.setText("Click a point to select a sub-network.");
    }
}

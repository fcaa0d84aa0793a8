package dev.ofastudio.app.present;

import dev.ofastudio.app.pareto.ParetoView;
import dev.ofastudio.app.pareto.ParetoViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Full-screen demo view: the chart in large type and the selected net against MobileNetV2. */
public final class PresentView extends BorderPane {
    private final ParetoView chart;

    public PresentView(ParetoViewModel pareto, PresentViewModel vm) {
        setId("presentView");
        setStyle("-fx-background-color: white;");
        chart = new ParetoView(pareto, 1.6);
        setCenter(chart);
        // Headline strip across the top: the numbers a hardware audience asks for, each with a caption.
        FlowPane strip = new FlowPane(36, 12);
        strip.setId("presentHeadlines");
        strip.setPadding(new Insets(24, 32, 8, 32));
        Runnable headlines = () -> {
            strip.getChildren().clear();
            for (var h : vm.headlinesBinding().get()) {
                Label value = new Label(h.value());
                // Gains are the headline; hardware context (GOPS/s, ops/B) is shown, never dressed as a win.
                value.setStyle(h.score() ? "-fx-font-size: 34px; -fx-font-weight: bold; -fx-text-fill: #0b3d91;"
                        : "-fx-font-size: 26px; -fx-text-fill: #555;");
                Label caption = new Label(h.caption());
                caption.setWrapText(true);
                caption.setMaxWidth(380);
                caption.setStyle("-fx-font-size: 16px; -fx-text-fill: #333;");
                VBox cell = new VBox(2, value, caption);
                cell.getStyleClass().add("present-headline");
                strip.getChildren().add(cell);
            }
        };
        vm.headlinesBinding().addListener((o, a, b) -> headlines.run());
        headlines.run();
        setTop(strip);
        GridPane table = new GridPane();
        table.setId("presentTable");
        table.setHgap(28);
        table.setVgap(14);
        Label heading = new Label();
        heading.setStyle("-fx-font-size: 22px; -fx-font-weight: bold;");
        Label esc = new Label("Esc leaves present mode");
        esc.setStyle("-fx-text-fill: #777;");
        // The comparison runs along the bottom, so the chart keeps the full width.
        heading.setMinWidth(Region.USE_PREF_SIZE);
        esc.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(40, new VBox(6, heading, esc), table);
        bottom.setPadding(new Insets(8, 32, 20, 32));
        bottom.setAlignment(Pos.CENTER_LEFT);
        setBottom(bottom);
        Runnable refresh = () -> {
            var c = vm.comparisonBinding().get();
            table.getChildren().clear();
            if (c.rows().isEmpty()) {
                heading.setText("Select a sub-network on the chart");
                return;
            }
            heading.setText("Selected vs " + c.baselineName() + "\non " + c.board());
            table.addColumn(0, big("", false), big("Selected", true), big(c.baselineName(), false));
            int col = 1;
            for (var row : c.rows()) {
                // Only latency and top-1 are scores; intensity and GOPS/s are context, never marked as a win.
                boolean score = row.metric().equals("Latency") || row.metric().equals("Top-1");
                boolean better = score && (row.higherIsBetter() ? row.selected() > row.baseline()
                        : row.selected() < row.baseline());
                Label sel = big(fmt(row.selected()) + " " + row.unit(), score);
                sel.setStyle(sel.getStyle() + (better ? "-fx-text-fill: #007a33;" : ""));
                table.addColumn(col++, big(row.metric(), false), sel, big(fmt(row.baseline()) + " " + row.unit(), false));
            }
        };
        vm.comparisonBinding().addListener((o, a, b) -> refresh.run());
        refresh.run();
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : v >= 100 ? String.format("%.0f", v) : String.format("%.2f", v);
    }

    private static Label big(String s, boolean bold) {
        Label l = new Label(s);
        l.setStyle("-fx-font-size: 20px;" + (bold ? "-fx-font-weight: bold;" : ""));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    public ParetoView chart() {
        return chart;
    }
}

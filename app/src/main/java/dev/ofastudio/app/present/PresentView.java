package dev.ofastudio.app.present;

import dev.ofastudio.app.pareto.ParetoView;
import dev.ofastudio.app.pareto.ParetoViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Full-screen demo view: the chart in large type and the selected net against MobileNetV2. */
public final class PresentView extends BorderPane {
    private final ParetoView chart;

    public PresentView(ParetoViewModel pareto, PresentViewModel vm) {
        setId("presentView");
        setStyle("-fx-background-color: white;");
        chart = new ParetoView(pareto, 2.0);
        setCenter(chart);
        GridPane table = new GridPane();
        table.setId("presentTable");
        table.setHgap(28);
        table.setVgap(14);
        Label heading = new Label();
        heading.setStyle("-fx-font-size: 30px; -fx-font-weight: bold;");
        VBox side = new VBox(24, heading, table, new Label("Esc leaves present mode"));
        side.setPadding(new Insets(40));
        side.setAlignment(Pos.TOP_LEFT);
        side.setPrefWidth(720);
        side.setMinWidth(720);
        setRight(side);
        Runnable refresh = () -> {
            var c = vm.comparisonBinding().get();
            table.getChildren().clear();
            if (c.rows().isEmpty()) {
                heading.setText("Select a sub-network on the chart");
                return;
            }
            heading.setText("On " + c.board());
            table.addRow(0, big("", true), big("Selected", true), big(c.baselineName(), true));
            int r = 1;
            for (var row : c.rows()) {
                boolean better = row.higherIsBetter() ? row.selected() > row.baseline() : row.selected() < row.baseline();
                Label sel = big(fmt(row.selected()) + " " + row.unit(), true);
                sel.setStyle(sel.getStyle() + (better ? "-fx-text-fill: #007a33;" : ""));
                table.addRow(r++, big(row.metric(), false), sel, big(fmt(row.baseline()) + " " + row.unit(), false));
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
        l.setStyle("-fx-font-size: 24px;" + (bold ? "-fx-font-weight: bold;" : ""));
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    public ParetoView chart() {
        return chart;
    }
}

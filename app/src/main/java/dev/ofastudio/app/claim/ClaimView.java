package dev.ofastudio.app.claim;

import dev.ofastudio.engine.claim.SeedClaim;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The claim view: board picker and Run, then one table row per claim item and space (claimed,
 * what the model says, verdict) and the per-op reasons below it.
 */
public final class ClaimView extends BorderPane {
    /** One table row. */
    public record Line(String space, String claim, String claimed, String model, String verdict) {
    }

    private final TableView<Line> table = new TableView<>();
    private final TextArea reasons = new TextArea();

    public ClaimView(ClaimViewModel vm) {
        ChoiceBox<String> board = new ChoiceBox<>(FXCollections.observableArrayList(BoardSpecs.SHIPPED));
        board.setId("claim-board");
        board.valueProperty().bindBidirectional(vm.boardProperty());
        Button run = new Button("Check the claim");
        run.setId("claim-run");
        run.disableProperty().bind(vm.busyProperty());
        run.setOnAction(e -> vm.run());
        Label status = new Label();
        status.setId("claim-status");
        status.textProperty().bind(vm.statusProperty());
        table.setId("claim-table");
        table.getColumns().add(column("space", Line::space));
        table.getColumns().add(column("claim (vs MobileNetV2 1.0@224)", Line::claim));
        table.getColumns().add(column("claimed", Line::claimed));
        table.getColumns().add(column("model", Line::model));
        table.getColumns().add(column("verdict", Line::verdict));
        reasons.setId("claim-reasons");
        reasons.setEditable(false);
        reasons.setWrapText(true);
        reasons.setPrefRowCount(8);
        HBox top = new HBox(8, new Label("Board"), board, run, status);
        top.setPadding(new Insets(6));
        setTop(top);
        setCenter(new VBox(6, table, reasons));
        vm.reports().addListener((ListChangeListener<SeedClaim.Report>) c -> fill(vm));
    }

    private void fill(ClaimViewModel vm) {
        table.getItems().clear();
        StringBuilder why = new StringBuilder();
        for (SeedClaim.Report r : vm.reports()) {
            for (SeedClaim.Item i : r.items()) {
                boolean ratio = i.id().equals("speedup_same_accuracy");
                String claimed = ratio ? String.format(Locale.ROOT, "%.1fx", i.claimed())
                        : String.format(Locale.ROOT, "%+.1f %%", 100 * i.claimed());
                String model = i.model() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", 100 * i.model());
                table.getItems().add(new Line(r.space(), i.claim(), claimed, model, i.verdict().replace('_', ' ')));
            }
            why.append(r.space()).append(String.format(Locale.ROOT, " (OFA %s r%d, %.3f ms vs MobileNetV2 %.3f ms):%n",
                    r.ofa().network(), r.ofa().resolution(), r.ofa().latencyMs(), r.mobilenetv2().latencyMs()));
            r.reasons().forEach(s -> why.append("  - ").append(s).append('\n'));
            r.items().stream().filter(i -> i.reason() != null).forEach(i -> why.append("  - ").append(i.id())
                    .append(": ").append(i.reason()).append('\n'));
        }
        reasons.setText(why.toString());
    }

    private static TableColumn<Line, String> column(String title, java.util.function.Function<Line, String> f) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(f.apply(x.getValue())));
        return c;
    }

    public TableView<Line> table() {
        return table;
    }
}

package dev.ofastudio.app.claim;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.engine.claim.SeedClaim;
import dev.ofastudio.engine.latency.dpu.BoardSpecs;
import dev.ofastudio.engine.predict.AccuracyPredictor;
import dev.ofastudio.engine.search.EvolutionConfig;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The seed's claim in the studio: for the chosen board, both OFA spaces side by side with the
 * claim (what {@code ofa claim} prints), run in the background with the loaded accuracy predictor.
 */
public final class ClaimViewModel {
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final InputsViewModel inputs;
    private final EvolutionConfig config;
    private final ObjectProperty<String> board = new SimpleObjectProperty<>(BoardSpecs.SHIPPED.get(0));
    private final ObservableList<SeedClaim.Report> reports = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public ClaimViewModel(TaskExecutor executor, DialogService dialogs, InputsViewModel inputs, EvolutionConfig config) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.inputs = inputs;
        this.config = config;
    }

    public ObjectProperty<String> boardProperty() {
        return board;
    }

    /** One report per space, reference first. */
    public ObservableList<SeedClaim.Report> reports() {
        return reports;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Searches both spaces at MobileNetV2's latency on the board and compares with the claim. */
    public void run() {
        AccuracyPredictor predictor = inputs.predictorProperty().get();
        if (predictor == null) {
            dialogs.showError("No accuracy predictor", "open the OFA accuracy predictor first (File > Open predictor)");
            return;
        }
        String id = board.get();
        busy.set(true);
        status.set("checking the claim on " + id + "…");
        executor.execute(BackgroundTask.<List<SeedClaim.Report>>of("Seed's claim on " + id, (p, c) -> {
            List<SeedClaim.Report> out = new ArrayList<>();
            for (SpaceVariant v : SpaceVariant.values()) {
                out.add(SeedClaim.evaluate(BoardSpecs.load(id), v, predictor, config, p, c));
            }
            return out;
        }).onSuccess(r -> {
            reports.setAll(r);
            status.set(id + ": " + summary(r));
        }).onFailure(e -> {
            status.set("claim check failed");
            dialogs.showError("Claim check failed", e.getMessage());
        }).onCancelled(() -> status.set("claim check cancelled")).onFinished(() -> busy.set(false)));
    }

    private static String summary(List<SeedClaim.Report> reports) {
        StringBuilder sb = new StringBuilder();
        for (SeedClaim.Report r : reports) {
            long holds = r.items().stream().filter(i -> i.verdict().equals("holds")).count();
            sb.append(sb.length() == 0 ? "" : "; ").append(r.space()).append(": ").append(holds).append(" of ")
                    .append(r.items().size()).append(" items hold");
        }
        return sb.toString();
    }
}

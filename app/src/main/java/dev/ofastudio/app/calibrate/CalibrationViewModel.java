package dev.ofastudio.app.calibrate;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.engine.study.LatencySource;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.FileDialogSpec;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.measure.MeasurementImporter;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import dev.ofastudio.engine.latency.profile.ProfileLatencyModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The calibration dialog's state: the measurements (typed into a small table or loaded from a file
 * in any format {@code ofa profile calibrate} reads), the board, and the calibration result with
 * its leave-one-out report. Calibration runs in the background; the result can be added to the
 * studio's latency sources, with its provenance in the source label.
 */
public final class CalibrationViewModel {
    /** One editable row: network spec, kind (e2e or dpu), measured ms. */
    public record Row(String network, Measurement.Kind kind, double measuredMs) {
    }

    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final InputsViewModel inputs;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> board = new SimpleObjectProperty<>("zcu104");
    private final ReadOnlyObjectWrapper<ProfileCalibrator.Result> result = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public CalibrationViewModel(DialogService dialogs, TaskExecutor executor, InputsViewModel inputs) {
        this.dialogs = dialogs;
        this.executor = executor;
        this.inputs = inputs;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** Shipped board whose profile is calibrated. */
    public ObjectProperty<String> boardProperty() {
        return board;
    }

    public ReadOnlyObjectProperty<ProfileCalibrator.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Adds a typed row; a bad value is reported and nothing is added. */
    public boolean addRow(String network, String kind, String ms) {
        double v;
        try {
            v = Double.parseDouble(ms.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        String k = kind == null ? "e2e" : kind.strip().toLowerCase(Locale.ROOT);
        if (network == null || network.isBlank() || !(v > 0) || !Double.isFinite(v) || !(k.equals("e2e") || k.equals("dpu"))) {
            dialogs.showError("Measurement not added", "expected a network (e.g. mobilenetv2_1.0_224), kind e2e or dpu "
                    + "and a latency > 0 ms; found '" + network + "', '" + kind + "', '" + ms + "'");
            return false;
        }
        rows.add(new Row(network.strip(), k.equals("dpu") ? Measurement.Kind.DPU : Measurement.Kind.E2E, v));
        return true;
    }

    /** Asks for a measurements file (CSV, vaitrace JSON/text summary, benchmark log) and adds its rows. */
    public void openMeasurements() {
        Optional<Path> f = dialogs.showOpenDialog(FileDialogSpec.of("Open measurements",
                new FileDialogSpec.Filter("Measurements", List.of("*.csv", "*.json", "*.txt", "*.log"))));
        f.ifPresent(this::loadMeasurements);
    }

    /** Adds the rows of {@code file}; single-network formats take the network typed as NETWORK=FILE. */
    public void loadMeasurements(Path file) {
        try {
            for (Measurement m : MeasurementImporter.importArgument(file.toString())) {
                rows.add(new Row(m.network(), m.kind(), m.measuredMs()));
            }
        } catch (Exception e) {
            dialogs.showError("Measurements not loaded", e.getMessage());
        }
    }

    /** Calibrates the board's shipped profile to the rows, in the background. */
    public void calibrate() {
        if (rows.isEmpty()) {
            dialogs.showError("Nothing to calibrate", "add at least one measurement");
            return;
        }
        List<Measurement> ms = new ArrayList<>();
        for (Row r : rows) {
            ms.add(new Measurement(r.network(), r.kind(), r.measuredMs(), "typed in the studio"));
        }
        String id = board.get();
        busy.set(true);
        status.set("calibrating " + id + "…");
        executor.execute(BackgroundTask.<ProfileCalibrator.Result>of("Calibrate " + id, (p, c) ->
                ProfileCalibrator.calibrate(FpgaProfiles.shipped(id), id + " (shipped)", ms, null))
                .onSuccess(r -> {
                    result.set(r);
                    status.set(String.format(Locale.ROOT, "%s: uncalibrated %.1f %%, leave-one-out %.1f %% — %s", id,
                            100 * r.uncalibratedMeanAbsError(), 100 * r.looMeanAbsError(), r.recommendation()));
                })
                .onFailure(e -> {
                    status.set("calibration failed");
                    dialogs.showError("Calibration failed", e.getMessage());
                })
                .onFinished(() -> busy.set(false)));
    }

    /**
     * Saves the calibrated profile where the user says and adds it as a latency source labelled with
     * where it came from (a file source, so a workspace reopens it).
     */
    public Optional<LatencySource> addAsSource() {
        ProfileCalibrator.Result r = result.get();
        if (r == null) {
            return Optional.empty();
        }
        FpgaProfile p = r.profile();
        Optional<Path> target = dialogs.showSaveDialog(FileDialogSpec.of("Save the calibrated profile",
                new FileDialogSpec.Filter("Board profile", List.of("*.json")))
                .withInitialFileName(p.board().id() + "-calibrated.json"));
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try {
            FpgaProfiles.write(target.get(), p);
        } catch (Exception e) {
            dialogs.showError("Profile not saved", e.getMessage());
            return Optional.empty();
        }
        Path file = target.get().toAbsolutePath();
        String label = String.format(Locale.ROOT, "%s calibrated (%s, %d measurements, LOO %.1f %%; %s)",
                p.board().id(), r.model(), r.points().size(), 100 * r.looMeanAbsError(), file.getFileName());
        LatencySource s = new LatencySource(file.toString(), label, LatencySource.Kind.FILE, file,
                new ProfileLatencyModel(p, label));
        inputs.addSource(s, true);
        return Optional.of(s);
    }
}

package dev.ofastudio.app.welcome;

import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.inputs.Problems;
import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.DialogService;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.settings.StudioSettings.FirstRunChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first-run pane: explains the three inputs and gets the user a predictor, either from disk
 * or by downloading the official OFA one (with consent, progress and a clear offline message).
 * The choice is remembered, and a remembered predictor is loaded at start-up.
 */
public final class WelcomeViewModel {
    private final StudioSettings settings;
    private final InputsViewModel inputs;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private final PredictorDownloader downloader;
    private final Path downloadTarget;
    private final BooleanProperty visible = new SimpleBooleanProperty();
    private final BooleanProperty downloading = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<BackgroundTask<?>> task = new SimpleObjectProperty<>();

    public WelcomeViewModel(StudioSettings settings, InputsViewModel inputs, DialogService dialogs,
            TaskExecutor executor, PredictorDownloader downloader, Path downloadTarget) {
        this.settings = settings;
        this.inputs = inputs;
        this.dialogs = dialogs;
        this.executor = executor;
        this.downloader = downloader;
        this.downloadTarget = downloadTarget;
        visible.set(settings.firstRunChoice() == FirstRunChoice.NONE);
    }

    /** Loads the remembered predictor, if any (start-up). */
    public void restoreRemembered() {
        settings.predictorPath().filter(Files::isRegularFile).ifPresent(p -> inputs.loadPredictor(p, x -> { }));
    }

    public void openPredictor() {
        inputs.openPredictor(p -> choose(FirstRunChoice.OPENED_PREDICTOR));
    }

    public String downloadUrl() {
        return settings.predictorUrl();
    }

    /** Asks for consent, then downloads and loads the official predictor. */
    public void download() {
        String url = settings.predictorUrl();
        if (!dialogs.confirm("Download the official predictor?",
                "Download the official OFA ImageNet accuracy predictor (MIT licence, about 1.5 MB) from\n" + url
                        + "\nand save it as " + downloadTarget + "?")) {
            return;
        }
        downloading.set(true);
        message.set("Connecting…");
        task.set(executor.execute(BackgroundTask.<Path>of("Downloading predictor",
                (p, c) -> downloader.download(url, downloadTarget, p, c))
                .onProgress((done, total, m) -> {
                    progress.set(total > 0 ? (double) done / total : -1);
                    message.set(String.format("%.1f of %.1f MB", done / 1e6, total / 1e6));
                })
                .onSuccess(path -> {
                    message.set("Downloaded to " + path);
                    inputs.loadPredictor(path, pred -> choose(FirstRunChoice.DOWNLOADED_PREDICTOR));
                })
                .onFailure(e -> {
                    message.set("Download failed");
                    dialogs.showErrors("Cannot download the predictor", "Nothing was saved.", Problems.of(e));
                })
                .onCancelled(() -> message.set("Download cancelled"))
                .onFinished(() -> {
                    downloading.set(false);
                    task.set(null);
                })));
    }

    public void cancelDownload() {
        if (task.get() != null) {
            task.get().cancel();
        }
    }

    /** Closes the pane without a predictor; the choice is remembered. */
    public void skip() {
        choose(FirstRunChoice.SKIPPED);
    }

    private void choose(FirstRunChoice c) {
        settings.setFirstRunChoice(c);
        visible.set(false);
    }

    /** Shows the pane again (Help menu). */
    public void show() {
        visible.set(true);
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public BooleanProperty downloadingProperty() {
        return downloading;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }
}

package dev.ofastudio.app;

import dev.ofastudio.app.inputs.EngineInputLoaders;
import dev.ofastudio.engine.study.EvolutionBudgetSearch;
import dev.ofastudio.app.service.FxDialogService;
import dev.ofastudio.app.service.FxTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.settings.PreferencesSettings;
import dev.ofastudio.app.settings.StudioSettings;
import dev.ofastudio.app.heatmap.BoardAnalyzer;
import dev.ofastudio.engine.OfaException;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: wires the real services into a {@link Studio} and shows the main window,
 * which opens the remembered project (else the default) and sweeps it. {@code --fresh} uses
 * in-memory settings (first-run experience without touching preferences); {@code --project
 * ID|DIR} opens that project instead; {@code --profile FILE} loads a latency source (repeatable);
 * {@code --predictor FILE} loads a predictor, and {@code --sweep} then runs a sweep (demos).
 */
public final class StudioApp extends Application {
    private FxTaskExecutor executor;
    private Studio studio;

    @Override
    public void start(Stage stage) {
        boolean fresh = getParameters().getRaw().contains("--fresh");
        StudioSettings settings = fresh ? new MemorySettings() : PreferencesSettings.userDefault();
        executor = new FxTaskExecutor();
        var raw = getParameters().getRaw();
        int p = raw.indexOf("--project");
        if (p >= 0 && p + 1 < raw.size()) {
            settings.setProject(raw.get(p + 1));
        }
        studio = new Studio(new EngineInputLoaders(), new FxDialogService(() -> stage), executor, settings,
                EvolutionBudgetSearch.ofaDefaults(), heatmapBoards());
        MainView view = new MainView(studio);
        view.guardClose(stage);
        view.bindTitle(stage);
        AppIcons.apply(stage);
        // 1500×940 where the screen has room, else the screen's usable area (1280×720 laptops).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(new Scene(view, Math.min(1500, screen.getWidth()), Math.min(940, screen.getHeight())));
        stage.show();
        if (StartupTimeline.enabled()) {
            StartupTimeline.attach(studio);
        }
        if (raw.contains("--predictor")) {
            // The predictor named on the command line is the one to sweep with.
            studio.project().sweepOnOpenProperty().set(false);
        }
        studio.start();
        for (int k = 0; k + 1 < raw.size(); k++) {
            if (raw.get(k).equals("--profile")) {
                studio.inputs().loadLatency(Path.of(raw.get(k + 1)));
            }
        }
        int i = raw.indexOf("--predictor");
        if (i >= 0 && i + 1 < raw.size()) {
            boolean sweep = raw.contains("--sweep");
            studio.inputs().loadPredictor(Path.of(raw.get(i + 1)), pred -> {
                if (sweep) {
                    studio.pareto().runSweep();
                }
            });
        }
    }

    private static List<BoardAnalyzer> heatmapBoards() {
        try {
            return BoardAnalyzer.shippedDpuModels();
        } catch (OfaException e) {
            throw new IllegalStateException("the shipped board specs are missing from the engine jar", e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
        if (studio != null) {
            studio.weights().close();
            try {
                // The window is gone: waiting here for a running job's checkpoint blocks no one.
                studio.training().shutdown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

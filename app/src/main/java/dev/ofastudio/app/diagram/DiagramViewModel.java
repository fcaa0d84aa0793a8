package dev.ofastudio.app.diagram;

import dev.ofastudio.app.service.BackgroundTask;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.service.TaskExecutor;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.io.AtomicFiles;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SubnetConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the architecture diagram: the layout of the selected sub-network, the selected box
 * and its details text.
 *
 * <p>The selection is held two ways that stay in step: {@link #selectedIdProperty()} (any box:
 * {@code first_conv}, {@code blocks.7}, {@code classifier}, ...) and {@link #selectedBlockProperty()}
 * (elastic block 0..19, or -1 when the selection is not an elastic block). Either can be set, e.g.
 * bound to the heatmap's hovered block. An elastic block stays selected when the sub-network
 * changes, even if it becomes a ghost.
 */
public final class DiagramViewModel {
    private final ReadOnlyObjectWrapper<DiagramLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>(this, "selectedId");
    private final IntegerProperty selectedBlock = new SimpleIntegerProperty(this, "selectedBlock", -1);
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private final ReadOnlyIntegerWrapper hoveredBlock = new ReadOnlyIntegerWrapper(this, "hoveredBlock", -1);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting");
    private final TaskExecutor executor;
    private SubnetConfig config;
    private boolean syncing;

    /** A diagram whose PNG encoding runs on the calling thread (tests, tools). */
    public DiagramViewModel() {
        this(new ImmediateTaskExecutor());
    }

    /** A diagram whose PNG encoding and write run on {@code executor}, off the JavaFX thread. */
    public DiagramViewModel(TaskExecutor executor) {
        this.executor = executor;
        selectedId.addListener((obs, old, now) -> sync(() -> selectedBlock.set(blockOf(now))));
        selectedBlock.addListener((obs, old, now) -> sync(() -> {
            int b = now.intValue();
            selectedId.set(b >= 0 && b < SubnetConfig.BLOCKS ? "blocks." + (b + 1) : null);
        }));
    }

    /** Lays out sub-network {@code config} of {@code space}; null clears the diagram. */
    public void setSubnet(SearchSpace space, SubnetConfig config) {
        this.config = config;
        layout.set(space == null || config == null ? null : DiagramLayout.of(space, config));
        hoveredBlock.set(-1);
        if (selectedId.get() != null && selectedBox().isEmpty()) {
            selectedId.set(null);
        }
        updateDetails();
    }

    public ReadOnlyObjectProperty<DiagramLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** Id of the selected box, null for none. */
    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    /** Elastic block index of the selection, -1 for none or a fixed layer. */
    public IntegerProperty selectedBlockProperty() {
        return selectedBlock;
    }

    /** Multi-line description of the selected box; empty for none. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Result of the last export: "Saved PATH" or the one-line reason it failed; empty before any. */
    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** Writes a layout to a file. */
    @FunctionalInterface
    private interface LayoutWriter {
        void write(DiagramLayout layout, Path target) throws OfaException;
    }

    /** Writes the diagram as SVG, atomically. Returns false (and says why) if it failed or there is none. */
    public boolean exportSvg(Path target) {
        return export(target, (l, t) -> AtomicFiles.writeString(t, DiagramSvg.toSvg(l)));
    }

    /** Draws a layout into an image; the view supplies one that snapshots the canvas renderer. */
    @FunctionalInterface
    public interface PngRenderer {
        BufferedImage render(DiagramLayout layout);
    }

    /** True while a PNG export encodes and writes in the background. */
    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /**
     * Exports the diagram as PNG in two steps: {@code renderer} draws the picture here (on the
     * JavaFX thread, where a canvas snapshot must be taken), then the encoding and the atomic
     * write run on the executor, since encoding a 2x image can hold a thread for over a second.
     * The export status says "Saving…", then "Saved PATH" or the one-line reason it failed.
     *
     * @return the background task, or null when there is nothing to export or drawing failed
     */
    public BackgroundTask<Path> exportPngInBackground(Path target, PngRenderer renderer) {
        DiagramLayout l = layout.get();
        if (l == null) {
            exportStatus.set("Nothing to export: select a sub-network first");
            return null;
        }
        BufferedImage image;
        try {
            image = renderer.render(l);
        } catch (RuntimeException e) {
            exportStatus.set(target + ": cannot draw the diagram: " + e.getMessage());
            return null;
        }
        exporting.set(true);
        exportStatus.set("Saving " + target + "…");
        return executor.execute(BackgroundTask.<Path>of("Saving " + target.getFileName(), (progress, cancel) -> {
            DiagramExporter.writePng(image, target);
            return target;
        }).onSuccess(p -> exportStatus.set("Saved " + p))
                .onFailure(e -> exportStatus.set(e instanceof OfaException ? e.getMessage()
                        : target + ": cannot write the PNG: " + e))
                .onCancelled(() -> exportStatus.set("PNG export cancelled"))
                .onFinished(() -> exporting.set(false)));
    }

    private boolean export(Path target, LayoutWriter writer) {
        DiagramLayout l = layout.get();
        if (l == null) {
            exportStatus.set("Nothing to export: select a sub-network first");
            return false;
        }
        try {
            writer.write(l, target);
            exportStatus.set("Saved " + target);
            return true;
        } catch (OfaException e) {
            exportStatus.set(e.getMessage());
            return false;
        }
    }

    public Optional<DiagramBox> selectedBox() {
        DiagramLayout l = layout.get();
        String id = selectedId.get();
        return l == null || id == null ? Optional.empty() : l.box(id);
    }

    /**
     * Elastic block under the pointer (ghosts included), -1 elsewhere: the heatmap's what-if grid
     * can follow it.
     */
    public ReadOnlyIntegerProperty hoveredBlockProperty() {
        return hoveredBlock.getReadOnlyProperty();
    }

    /** The pointer is at {@code (x, y)} in diagram units; NaN for "left the diagram". */
    public void hoverAt(double x, double y) {
        DiagramLayout l = layout.get();
        hoveredBlock.set(l == null || Double.isNaN(x) ? -1 : l.boxAt(x, y).map(DiagramBox::block).orElse(-1));
    }

    /** A click at {@code (x, y)} in diagram units: selects the box there, or clears the selection. */
    public void clickAt(double x, double y) {
        DiagramLayout l = layout.get();
        selectedId.set(l == null ? null : l.boxAt(x, y).map(DiagramBox::id).orElse(null));
    }

    private void sync(Runnable r) {
        if (!syncing) {
            syncing = true;
            try {
                r.run();
            } finally {
                syncing = false;
            }
        }
        updateDetails();
    }

    private static int blockOf(String id) {
        if (id == null || !id.startsWith("blocks.")) {
            return -1;
        }
        try {
            int b = Integer.parseInt(id.substring("blocks.".length())) - 1;
            return b >= 0 && b < SubnetConfig.BLOCKS ? b : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void updateDetails() {
        details.set(selectedBox().map(this::describe).orElse(""));
    }

    private String describe(DiagramBox box) {
        if (box.ghost()) {
            int s = box.stage();
            return box.id() + " · stage " + (s + 1) + " · not run: the stage runs " + config.d(s) + " of "
                    + SubnetConfig.MAX_DEPTH + " blocks\nplaceholder k" + box.kernel() + " e" + box.expand();
        }
        Layer l = box.layer();
        StringBuilder s = new StringBuilder(box.id());
        if (box.stage() >= 0) {
            s.append(" · stage ").append(box.stage() + 1);
        }
        s.append(" · ").append(l.type().lutName());
        if (l.kernel() > 1) {
            s.append(" · kernel ").append(l.kernel());
        }
        if (l.expandRatio() > 0) {
            s.append(" · expand ").append(l.expandRatio()).append(" (mid ").append(l.midChannels()).append(" ch)");
        }
        s.append(" · stride ").append(l.stride()).append('\n');
        s.append(l.in().lutString()).append(" → ").append(l.out().lutString());
        if (l.se()) {
            s.append(" · SE ").append(l.seChannels()).append(" ch");
        }
        s.append(" · ").append(l.activation().ofaName());
        if (l.identitySkip()) {
            s.append(" · identity skip");
        }
        s.append('\n').append(String.format(Locale.ROOT, "%.2f M MACs · %.1f k params", l.macs() / 1e6,
                l.params() / 1e3));
        return s.toString();
    }
}

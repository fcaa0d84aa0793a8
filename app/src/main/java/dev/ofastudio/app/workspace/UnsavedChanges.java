package dev.ofastudio.app.workspace;

import dev.ofastudio.app.workspace.WorkspaceFile.Workspace;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * Whether the session differs from the workspace last saved or opened: the workspace as it would
 * be written now, compared with the one written or read then. Only what the file stores counts, so
 * hovering a point does not, and a cancelled sweep that puts the previous results back leaves the
 * session as clean as it was. The results compare by identity (a sweep makes a new table).
 */
final class UnsavedChanges {
    private final Supplier<Workspace> capture;
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ChangeListener<Object> changed = (o, was, now) -> refresh();
    private Workspace baseline;
    /** While the studio sets itself up, its changes become the baseline instead of unsaved work. */
    private boolean adopting;

    UnsavedChanges(Supplier<Workspace> capture) {
        this.capture = capture;
        baseline = capture.get();
    }

    /** Re-checks whenever one of {@code state} changes: pass everything the capture reads. */
    void watch(ObservableValue<?>... state) {
        for (ObservableValue<?> v : state) {
            v.addListener(changed);
        }
    }

    /** Re-checks whenever {@code list} changes (elements added, removed or, with an extractor, updated). */
    void watch(ObservableList<?> list) {
        list.addListener((javafx.beans.InvalidationListener) o -> refresh());
    }

    /**
     * While {@code settingUp} holds, what the studio changes on its own (a project's inputs and its
     * first sweep) leaves a session clean if {@code untitled} and clean when it began; work the
     * user has not saved stays unsaved.
     */
    void adoptWhile(ObservableBooleanValue settingUp, BooleanSupplier untitled) {
        settingUp.addListener((o, was, now) -> {
            if (now) {
                adopting = untitled.getAsBoolean() && !dirty.get();
            } else if (adopting) {
                adopting = false;
                markClean();
            }
        });
    }

    /** The session as it is now is the saved or opened one. */
    void markClean() {
        markSaved(capture.get());
    }

    /** {@code saved} was written; changes made since it was captured remain unsaved. */
    void markSaved(Workspace saved) {
        baseline = saved;
        refresh();
    }

    private void refresh() {
        dirty.set(!adopting && !capture.get().equals(baseline));
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }
}

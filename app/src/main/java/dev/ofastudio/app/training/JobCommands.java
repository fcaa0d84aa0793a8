package dev.ofastudio.app.training;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * What the Start / Pause / Resume / Cancel bar of a job form binds to: supernet training and the
 * accuracy dataset build offer the same commands, progress, ETA and status line.
 */
public interface JobCommands {
    void start();

    /** Stops at the next step boundary, keeping what was done; Resume continues. */
    void pause();

    void resume();

    void cancel();

    ReadOnlyBooleanProperty canStartProperty();

    ReadOnlyBooleanProperty canPauseProperty();

    ReadOnlyBooleanProperty canResumeProperty();

    ReadOnlyBooleanProperty canCancelProperty();

    /** Fraction done, or -1 while the amount is unknown. */
    ReadOnlyDoubleProperty progressProperty();

    /** "ETA 4m07s" while a job runs, else "". */
    ReadOnlyStringProperty etaProperty();

    ReadOnlyStringProperty statusProperty();
}

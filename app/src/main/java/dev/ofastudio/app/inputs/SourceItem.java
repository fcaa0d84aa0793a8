package dev.ofastudio.app.inputs;

import dev.ofastudio.engine.study.LatencySource;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A loaded latency source plus whether the next sweep uses it (the checkbox in the inputs panel). */
public final class SourceItem {
    private final LatencySource source;
    private final BooleanProperty enabled;

    public SourceItem(LatencySource source, boolean enabled) {
        this.source = source;
        this.enabled = new SimpleBooleanProperty(enabled);
    }

    public LatencySource source() {
        return source;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    @Override
    public String toString() {
        return source.label();
    }
}

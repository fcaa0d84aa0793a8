package dev.ofastudio.engine.latency.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a profile was made.
 *
 * @param kind         {@code analytic} (the DPU model), {@code measured} or {@code calibrated}
 *                     (an analytic or measured profile fitted to a user's measurements)
 * @param modelVersion the analytic model version it derives from, or {@code none}
 * @param details      free-form provenance: constants, generator command, measurements and fit
 */
public record ProfileSource(String kind, String modelVersion, JsonNode details) {
    public static final java.util.List<String> KINDS = java.util.List.of("analytic", "measured", "calibrated");
}

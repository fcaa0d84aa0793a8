package dev.ofastudio.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.io.Json;

/**
 * Where a run stands: the phase, the next step inside it, the global step, and whether the
 * phase's one-time preparation (fresh optimizer, channel sort) is done. Together with the seed
 * this fixes the data order, every batch's resolution and augmentation and every sampled
 * sub-network, which are all derived from (seed, phase, step): a resumed run repeats exactly
 * what an uninterrupted one would have done.
 */
record TrainState(int phase, long step, long globalStep, boolean prepared) {
    static final TrainState START = new TrainState(0, 0, 0, false);

    ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("phase", phase);
        n.put("step", step);
        n.put("global_step", globalStep);
        n.put("prepared", prepared);
        return n;
    }

    static TrainState fromJson(JsonNode n) {
        return new TrainState(n.path("phase").asInt(), n.path("step").asLong(), n.path("global_step").asLong(),
                n.path("prepared").asBoolean());
    }
}

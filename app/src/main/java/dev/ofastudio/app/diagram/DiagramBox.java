package dev.ofastudio.app.diagram;

import dev.ofastudio.engine.arch.Layer;

/**
 * A clickable box of the diagram: one layer of the network, or a ghost (an elastic block beyond
 * its stage's depth, which does not run).
 *
 * @param id     stable id: the layer name ({@code first_conv}, {@code blocks.5}, ...); a ghost
 *               uses the name its block would have, so a block keeps its id across configs
 * @param block  elastic block index 0..19, -1 for fixed layers
 * @param stage  elastic stage 0..4, -1 for stem and head
 * @param layer  the layer, null for a ghost
 * @param ghost  whether the block is beyond its stage's depth
 * @param kernel kernel (for a ghost, the config's placeholder)
 * @param expand expand ratio (for a ghost, the placeholder), 0 where it does not apply
 */
public record DiagramBox(String id, int block, int stage, Layer layer, boolean ghost, int kernel, int expand,
        double x, double y, double w, double h) {

    public boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }
}

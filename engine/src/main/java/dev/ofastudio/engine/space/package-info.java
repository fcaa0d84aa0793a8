/**
 * The OFA MobileNetV3 search space and its sub-network configs. Widths follow the reference's make_divisible rule exactly; configs keep OFA's own ks/e/d/r form so they round-trip with the public implementation.
 */
package dev.ofastudio.engine.space;

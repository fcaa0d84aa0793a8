/**
 * The architecture diagram of the selected sub-network: blocks left to right grouped by stage,
 * box height from channels and width from expand ratio, kernel/expand labels, SE and activation
 * marks, ghosted blocks beyond a stage's depth, and the input resolution. {@link
 * dev.ofastudio.app.diagram.DiagramLayout} computes every box, label and colour once, free of
 * JavaFX; the Canvas renderer and the SVG writer both draw that one layout, so the exported SVG is
 * what the screen shows.
 */
package dev.ofastudio.app.diagram;

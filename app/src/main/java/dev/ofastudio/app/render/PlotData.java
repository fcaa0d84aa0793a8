package dev.ofastudio.app.render;

import java.util.List;

/**
 * What the Pareto chart draws, as primitive columns shared with the result table (never copied
 * per frame). Row {@code i} is plotted at ({@code latency[b][i]}, {@code accuracy[i]}) for each
 * visible board {@code b}, as part of the cloud ({@code origin[i] < 0}) or of board b's search
 * history ({@code origin[i] == b}).
 *
 * @param boards     legend labels, one per board
 * @param visible    which boards are drawn
 * @param latency    per board, latency ms per row
 * @param accuracy   accuracy % per row
 * @param origin     -1 for the random cloud, else the board whose search found the row
 * @param fronts     per board, row indices of its Pareto front sorted by latency
 * @param markers    reference networks on the chosen board
 * @param chosen     the board markers and the budget line belong to
 * @param budgetMs   the budget line (NaN: none)
 * @param selected   selected row (-1: none)
 * @param hovered    hovered row (-1: none)
 * @param measured   networks measured on a board (calibration), drawn as marked points
 * @param measuredOn the board they were measured on (legend text)
 */
public record PlotData(List<String> boards, boolean[] visible, double[][] latency, double[] accuracy, int[] origin,
        int[][] fronts, List<Marker> markers, int chosen, double budgetMs, int selected, int hovered,
        List<Measured> measured, String measuredOn) {

    /** Without measured networks. */
    public PlotData(List<String> boards, boolean[] visible, double[][] latency, double[] accuracy, int[] origin,
            int[][] fronts, List<Marker> markers, int chosen, double budgetMs, int selected, int hovered) {
        this(boards, visible, latency, accuracy, origin, fronts, markers, chosen, budgetMs, selected, hovered,
                List.of(), "");
    }

    /**
     * A measured network at its measured latency; with an accuracy (NaN: unknown) it is a point,
     * without one a tick on the latency axis.
     */
    public record Measured(String label, double latencyMs, double accuracy) {
        public boolean onAxis() {
            return Double.isNaN(accuracy);
        }
    }

    /** A labelled vertical line: a reference network at its latency on the chosen board. */
    public record Marker(String label, double latencyMs, double accuracy) {
    }

    public static PlotData empty() {
        return new PlotData(List.of(), new boolean[0], new double[0][], new double[0], new int[0], new int[0][],
                List.of(), -1, Double.NaN, -1, -1);
    }

    public int rows() {
        return accuracy.length;
    }

    /** True if row i is drawn for board b. */
    public boolean drawn(int b, int i) {
        return visible[b] && (origin[i] < 0 || origin[i] == b);
    }
}

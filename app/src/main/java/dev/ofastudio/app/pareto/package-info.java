/**
 * The accuracy-vs-latency chart: sweeps (random cloud plus one evolutionary search per budget and
 * board) run in the background into a column-wise {@link dev.ofastudio.engine.study.ResultTable};
 * the view model holds fronts, selection and budget, the view paints them on one canvas.
 */
package dev.ofastudio.app.pareto;

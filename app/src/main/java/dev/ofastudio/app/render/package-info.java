/**
 * Canvas renderers: the Pareto chart's layers drawn on one GraphicsContext from primitive
 * columns, plus the FX-free math behind them ({@link dev.ofastudio.app.render.Viewport},
 * {@link dev.ofastudio.app.render.NiceTicks}, {@link dev.ofastudio.app.render.PointPicker}),
 * so zoom, pan and picking are tested without a window.
 */
package dev.ofastudio.app.render;

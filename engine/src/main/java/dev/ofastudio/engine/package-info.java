/**
 * The headless OFA Studio engine: search space, layer description, latency models, predictors, search and the CLI. It never depends on JavaFX, so it runs in CI and on servers.
 */
package dev.ofastudio.engine;

/**
 * Latency models: a network's latency is the sum of its layers' latencies. Sources are OFA lookup tables, measured CSVs, board profiles and the analytic DPU model.
 */
package dev.ofastudio.engine.latency;

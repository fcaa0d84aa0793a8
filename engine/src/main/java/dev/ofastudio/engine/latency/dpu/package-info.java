/**
 * The analytic Xilinx/AMD DPU latency model and its per-layer reports (latency, ops, bytes, intensity, utilisation, bound) that the studio's heatmap and roofline read.
 */
package dev.ofastudio.engine.latency.dpu;

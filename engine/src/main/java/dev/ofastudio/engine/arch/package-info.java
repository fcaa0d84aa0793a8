/**
 * The one layer description every consumer reads: MACs, params, latency-table keys, the DPU model and the studio's diagrams. A network is an ordered list of layers, each made of primitive ops.
 */
package dev.ofastudio.engine.arch;

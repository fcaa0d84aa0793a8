/**
 * OFA's evolutionary search over the MobileNetV3 space: seeded, budgeted by latency and/or MACs,
 * with the latency model and MACs compiled into per-block tables for speed.
 */
package dev.ofastudio.engine.search;

/** The seed's OFA-vs-MobileNetV2 claim against the DPU model, per board and space. */
package dev.ofastudio.app.claim;

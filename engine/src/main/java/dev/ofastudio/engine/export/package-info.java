/** Weights of chosen sub-networks for other tools: ONNX (for quantizers) and OFA's .pth. */
package dev.ofastudio.engine.export;

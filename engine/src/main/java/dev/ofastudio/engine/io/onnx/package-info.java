/** ONNX models written as protobuf messages, with no ONNX library: only protobuf's wire format. */
package dev.ofastudio.engine.io.onnx;

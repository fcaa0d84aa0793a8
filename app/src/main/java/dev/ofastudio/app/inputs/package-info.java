/**
 * The search's inputs: the space, the accuracy predictor and the latency sources (shipped board
 * profiles and files). {@link dev.ofastudio.app.inputs.InputLoaders} is the one door to the
 * engine's readers, so tests can load fakes; load failures list every problem and change nothing.
 */
package dev.ofastudio.app.inputs;

/**
 * Progressive-shrinking training of an OFA supernet (digest §2): the full network (teacher), then
 * elastic kernel, depth and expand phases with knowledge distillation, resumable from atomic
 * checkpoints in a run folder.
 */
package dev.ofastudio.engine.train;

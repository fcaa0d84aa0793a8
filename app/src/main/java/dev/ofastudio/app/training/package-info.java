/**
 * The Training tab: start, pause, resume and cancel a long job. Supernet training
 * ({@link dev.ofastudio.app.training.JobKind}) runs on a run folder, with live loss and per-phase
 * accuracy curves tailed from the folder's {@code metrics.jsonl}; the accuracy dataset build
 * ({@link dev.ofastudio.app.training.DatasetBuildViewModel}, the engine's {@code ofa dataset build})
 * writes a CSV, with a live scatter of its rows. Each job runs on its own thread, one at a time;
 * the FX thread only receives coalesced updates. A run folder or a CSV outlives the studio:
 * opening it again shows what it holds and offers Resume.
 */
package dev.ofastudio.app.training;

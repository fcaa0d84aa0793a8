/**
 * The Training view: start, pause, resume and cancel a long job (supernet training; the accuracy
 * dataset build slots in as a second {@link dev.ofastudio.app.training.JobKind}) on a run folder,
 * with live loss and per-phase accuracy curves tailed from the folder's {@code metrics.jsonl}.
 * The job runs on its own thread; the FX thread only receives coalesced updates. A run folder
 * outlives the studio: opening it again shows its history and offers Resume.
 */
package dev.ofastudio.app.training;

/**
 * Progress reporting and cancellation for long engine work, free of any UI toolkit. The CLI turns progress into a text bar on stderr; the studio forwards it to its background tasks.
 */
package dev.ofastudio.engine.progress;

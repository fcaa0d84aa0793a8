/** Saving and reopening a whole session (inputs, budget, results, selection) as one versioned JSON file. */
package dev.ofastudio.app.workspace;

/**
 * Export of the selected sub-network (OFA config, net.config, metadata), the Pareto table (CSV)
 * and the chart (PNG). Writes are atomic and never replace a file without the user's consent.
 */
package dev.ofastudio.app.export;

/**
 * The ofa command line (picocli). Each subcommand prints JSON with --json; input problems print one line on stderr and exit with code 2. The only package that writes to the standard streams.
 */
package dev.ofastudio.engine.cli;

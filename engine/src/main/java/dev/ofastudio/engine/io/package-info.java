/**
 * File formats and safe writing: the shared JSON mapper, atomic writes (temp file + move) and OFA's sub-network config JSON. Parse errors become one-line messages naming the file and field.
 */
package dev.ofastudio.engine.io;

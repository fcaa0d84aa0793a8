/**
 * What the studio remembers between runs (predictor path, download URL, the first-run choice),
 * behind a small interface so tests never touch the user's preferences.
 */
package dev.ofastudio.app.settings;

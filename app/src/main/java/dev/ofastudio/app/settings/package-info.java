/**
 * What the studio remembers between runs (the open project, the last folder), behind an
 * interface so tests use memory instead of the user's preferences.
 */
package dev.ofastudio.app.settings;

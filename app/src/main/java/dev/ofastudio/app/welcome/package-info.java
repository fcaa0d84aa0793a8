/**
 * The first-run pane: explains the search's three inputs and gets the user a predictor (open a
 * file, or download the official OFA one with consent and progress). The choice is remembered.
 */
package dev.ofastudio.app.welcome;

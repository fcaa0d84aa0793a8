/** The calibration dialog: fit a board profile to measurements and show how far to trust it (leave-one-out). */
package dev.ofastudio.app.calibrate;

/** The roofline view: a board's compute roof and memory slope with the selected net's layers, the front and MobileNetV2. */
package dev.ofastudio.app.roofline;

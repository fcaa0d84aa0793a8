/** Present mode: a full-screen demo view with the chart in large type and the selected net against MobileNetV2. */
package dev.ofastudio.app.present;

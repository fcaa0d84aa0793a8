/**
 * The open project and the project switcher: built-in projects (the official ImageNet predictor
 * now, Fashion-MNIST as the default once built) and project folders; the About and licences text.
 */
package dev.ofastudio.app.project;

/**
 * Design projects: a search space with the accuracy predictor trained for it and the latency
 * sources it starts with. Built-in projects travel inside the engine; a project folder holds the
 * same {@code project.json} next to its files.
 */
package dev.ofastudio.engine.project;

/**
 * Accuracy predictors: models that estimate a sub-network's accuracy from its architecture encoding, used by the evolutionary search.
 */
package dev.ofastudio.engine.predict;

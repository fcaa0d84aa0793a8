/**
 * Training the studio's own accuracy predictors (OFA's MLP over a space's one-hot encoding) on an
 * accuracy dataset, in DJL, with the figures that judge a predictor: RMSE, Kendall τ and the
 * regret of picking by it ({@code ofa predictor train}).
 */
package dev.ofastudio.engine.predict.train;

/**
 * The accuracy dataset of a trained supernet (digest §3.4): sampled sub-networks, each
 * BN-recalibrated and evaluated on the trainer's holdout split, written row by row to a resumable
 * CSV that accuracy predictors are trained on ({@code ofa dataset build}).
 */
package dev.ofastudio.engine.accuracy;

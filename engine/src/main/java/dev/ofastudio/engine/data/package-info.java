/**
 * Image datasets for training and evaluating supernets: readers for Fashion-MNIST IDX files,
 * CIFAR-10 binary batches and ImageFolder trees, seeded splits, and the batch maker that applies
 * augmentation and the per-batch elastic resolution.
 */
package dev.ofastudio.engine.data;

package dev.ofastudio.engine.predict.train;

import dev.ofastudio.engine.OfaException;

/**
 * Hyper-parameters of predictor training. {@link #ofa} gives the OFA recipe (digest §3.2, §3.4,
 * issue #30): 3 hidden layers of 400 with ReLU, Adam at lr 1e-3 with weight decay 1e-4, batch 256
 * (the accuracy data loader's), targets on a 0–1 scale, base_acc = mean training accuracy. OFA
 * publishes no epoch count; {@value #DEFAULT_EPOCHS} is ours, and the epoch with the lowest
 * validation RMSE is kept.
 */
public record PredictorTraining(long seed, int epochs, int batch, double lr, double weightDecay, int hidden,
        int hiddenLayers) {
    public static final int DEFAULT_EPOCHS = 300;

    public static PredictorTraining ofa(long seed, int epochs) {
        return new PredictorTraining(seed, epochs, 256, 1e-3, 1e-4, 400, 3);
    }

    /** Fails naming the option if a value is out of range. */
    public PredictorTraining validate() throws OfaException {
        if (epochs < 1 || epochs > 100_000) {
            throw new OfaException("option --epochs: expected 1..100000, found " + epochs);
        }
        if (batch < 1 || batch > 1_000_000) {
            throw new OfaException("option --batch: expected 1..1000000, found " + batch);
        }
        if (!(lr > 0 && lr < 10)) {
            throw new OfaException("option --lr: expected a learning rate in (0, 10), found " + lr);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new OfaException("option --weight-decay: expected a value in [0, 1), found " + weightDecay);
        }
        return this;
    }
}

package dev.ofastudio.engine.train;

import ai.djl.ndarray.NDArray;

/** The training losses of progressive shrinking (digest §2.2). */
final class Losses {
    private Losses() {
    }

    /** Cross-entropy against {@code onehot·(1−s) + s/C} (label smoothing {@code s}), batch mean. */
    static NDArray labelSmoothedCe(NDArray logits, NDArray labels, double smoothing) {
        int c = (int) logits.getShape().get(1);
        NDArray logp = logits.logSoftmax(1);
        NDArray target = labels.oneHot(c).mul((float) (1 - smoothing)).add((float) (smoothing / c));
        return target.mul(logp).sum(new int[] {1}).mean().neg();
    }

    /** OFA's kd_type "ce": cross-entropy between the student and the teacher's softmax, no temperature. */
    static NDArray distillation(NDArray student, NDArray teacherLogits) {
        NDArray soft = teacherLogits.softmax(1);
        return soft.mul(student.logSoftmax(1)).sum(new int[] {1}).mean().neg();
    }
}

package dev.ofastudio.engine.supernet;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * libtorch's autograd mode belongs to each thread and starts on; DJL turns it off only on the
 * thread that loaded the engine. Work on any other thread (the studio's training job, a worker
 * pool) calls {@link #prepare()} first, or an optimizer's in-place update of a parameter fails
 * ("a leaf Variable that requires grad is being used in an in-place operation") and every
 * evaluation records a graph.
 */
public final class TorchThreads {
    private TorchThreads() {
    }

    /** Gradients off on the calling thread, as on the engine's own; a gradient collector turns them on while it collects. */
    public static void prepare() {
        Engine.getInstance();
        JniUtils.setGradMode(false);
    }
}

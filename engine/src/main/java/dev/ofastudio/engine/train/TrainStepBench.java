package dev.ofastudio.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.StaticMobileNetV3;
import dev.ofastudio.engine.supernet.SubnetExtractor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times one progressive-shrinking step of the w1.0 10-class supernet as the reference takes it
 * (teacher forward without gradient → soft labels; per sub-network: sample, forward, KD +
 * label-smoothed CE, backward; one optimizer step), and the same step on the extracted static
 * sub-network. A benchmark, not a test: {@code ofa bench train-step}.
 */
public final class TrainStepBench {
    /** Median and per-part figures of one setting. */
    public record Result(int resolution, int subnets, int batch, double secondsPerStep, double staticSecondsPerStep,
            double[] runs, double[] staticRuns, Map<String, Double> partsSeconds) {
    }

    private TrainStepBench() {
    }

    public static Result run(int resolution, int subnets, int batch, int warmups, int runs) throws OfaException {
        Mbv3Space space = Mbv3Space.mobileNetV3(1.0).withNumClasses(10);
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(space, 0.1f);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, resolution, resolution));
            OfaSupernet teacher = new OfaSupernet(space, 0f);
            teacher.initialize(manager, DataType.FLOAT32, new Shape(1, 3, resolution, resolution));
            teacher.setActiveSubnet(space.maxConfig(resolution));
            NesterovSgd sgd = new NesterovSgd(NesterovSgd.trainable(net.stateDict()), 0.9, 3e-5);
            Random rng = new Random(1);
            float[] images = new float[batch * 3 * resolution * resolution];
            for (int i = 0; i < images.length; i++) {
                images[i] = (float) rng.nextGaussian();
            }
            int[] labels = new int[batch];
            Arrays.setAll(labels, i -> i % 10);
            Map<String, Double> parts = new LinkedHashMap<>();
            double[] times = new double[runs];
            for (int i = -warmups; i < runs; i++) {
                long t0 = System.nanoTime();
                Map<String, Double> p = new LinkedHashMap<>();
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(images, new Shape(batch, 3, resolution, resolution));
                    NDArray y = scope.create(labels);
                    long a = System.nanoTime();
                    NDArray soft = teacher.forward(new ParameterStore(scope, false), x, true).stopGradient();
                    soft.toFloatArray();
                    p.merge("teacher_forward", (System.nanoTime() - a) / 1e9, Double::sum);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        for (int j = 0; j < subnets; j++) {
                            SubnetConfig c = space.sample(rng, resolution);
                            net.setActiveSubnet(c);
                            a = System.nanoTime();
                            NDArray logits = net.forward(new ParameterStore(scope, false), x, true);
                            NDArray loss = Losses.labelSmoothedCe(logits, y, 0.1).add(Losses.distillation(logits, soft));
                            loss.getFloat();
                            p.merge("forward", (System.nanoTime() - a) / 1e9, Double::sum);
                            a = System.nanoTime();
                            gc.backward(loss);
                            p.merge("backward", (System.nanoTime() - a) / 1e9, Double::sum);
                        }
                    }
                }
                long a = System.nanoTime();
                sgd.step(0.01);
                sgd.zeroGradients();
                p.merge("optimizer", (System.nanoTime() - a) / 1e9, Double::sum);
                if (i >= 0) {
                    times[i] = (System.nanoTime() - t0) / 1e9;
                    p.forEach((k, v) -> parts.merge(k, v / runs, Double::sum));
                }
            }
            double[] staticTimes = staticSteps(net, teacher, space, images, labels, batch, resolution, subnets,
                    warmups, runs, manager);
            return new Result(resolution, subnets, batch, median(times), median(staticTimes), times, staticTimes, parts);
        }
    }

    /** The same step, each sub-network extracted as a static network first (extraction not timed). */
    private static double[] staticSteps(OfaSupernet net, OfaSupernet teacher, Mbv3Space space, float[] images,
            int[] labels, int batch, int resolution, int subnets, int warmups, int runs, NDManager manager)
            throws OfaException {
        Random rng = new Random(1);
        double[] times = new double[runs];
        for (int i = -warmups; i < runs; i++) {
            List<StaticMobileNetV3> nets = new ArrayList<>();
            try (NDManager models = manager.newSubManager()) {
                for (int j = 0; j < subnets; j++) {
                    SubnetConfig c = space.sample(rng, resolution);
                    net.setActiveSubnet(c);
                    nets.add(SubnetExtractor.extract(net, c, models));
                }
                Map<String, Parameter> params = new LinkedHashMap<>();
                for (int j = 0; j < nets.size(); j++) {
                    int jj = j;
                    nets.get(j).stateDict().forEach((k, v) -> {
                        if (v.requiresGradient()) {
                            params.put(jj + "." + k, v);
                        }
                    });
                }
                NesterovSgd sgd = new NesterovSgd(params, 0.9, 3e-5);
                long t0 = System.nanoTime();
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(images, new Shape(batch, 3, resolution, resolution));
                    NDArray y = scope.create(labels);
                    NDArray soft = teacher.forward(new ParameterStore(scope, false), x, true).stopGradient();
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        for (StaticMobileNetV3 s : nets) {
                            NDArray logits = s.forward(new ParameterStore(scope, false), x, true);
                            gc.backward(Losses.labelSmoothedCe(logits, y, 0.1).add(Losses.distillation(logits, soft)));
                        }
                    }
                }
                sgd.step(0.01);
                sgd.zeroGradients();
                if (i >= 0) {
                    times[i] = (System.nanoTime() - t0) / 1e9;
                }
                sgd.reset();
            }
        }
        return times;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

package dev.ofastudio.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.data.Batch;
import dev.ofastudio.engine.data.BatchMaker;
import dev.ofastudio.engine.data.Dataset;
import dev.ofastudio.engine.data.ImageSet;
import dev.ofastudio.engine.data.Splits;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.io.pth.StateDict;
import dev.ofastudio.engine.io.pth.Tensor;
import dev.ofastudio.engine.progress.Cancellation;
import dev.ofastudio.engine.progress.Cancellation.CancelledException;
import dev.ofastudio.engine.progress.Eta;
import dev.ofastudio.engine.progress.ProgressListener;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import dev.ofastudio.engine.supernet.ChannelSorter;
import dev.ofastudio.engine.supernet.CheckpointFile;
import dev.ofastudio.engine.supernet.OfaSupernet;
import dev.ofastudio.engine.supernet.SupernetFiles;
import dev.ofastudio.engine.supernet.TorchThreads;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs progressive shrinking (digest §2) on one dataset into a {@link RunFolder}: phase by phase,
 * step by step (teacher soft labels without gradient; per sampled sub-network a forward, KD +
 * label-smoothed CE and backward; one Nesterov SGD step), a checkpoint every N steps and at each
 * phase end, a BN-recalibrated report per phase, and the final supernet with test figures.
 */
public final class SupernetTrainer {
    /** Random sub-networks in each phase report, beside max and min. */
    static final int RANDOM_REPORTED = 3;
    /** Largest global gradient norm applied (see {@link #step}). */
    static final double GRAD_CLIP = 5.0;

    private long skippedSteps;

    private final TrainPreset preset;
    private final Dataset data;
    private final RunFolder run;
    private final double epochsScale;
    private final PrintStream log;
    private final ProgressListener progress;
    private final Cancellation cancel;

    private final Mbv3Space space;
    private final BatchMaker train;
    private final BatchMaker holdout;
    private final BatchMaker test;
    private final int stepsPerEpoch;

    public SupernetTrainer(TrainPreset preset, Dataset data, RunFolder run, double epochsScale, PrintStream log,
            ProgressListener progress, Cancellation cancel) throws OfaException {
        if (!(epochsScale > 0) || epochsScale > 100) {
            throw new OfaException("option --epochs-scale: expected a number in (0, 100], found " + epochsScale);
        }
        this.preset = preset;
        this.data = data;
        this.run = run;
        this.epochsScale = epochsScale;
        this.log = log;
        this.progress = progress;
        this.cancel = cancel;
        this.space = spaceFor(preset, data);
        ImageSet all = data.train();
        int holdoutSize = Math.min(preset.holdout(), all.size() / 5);
        if (holdoutSize < 1 || all.size() - holdoutSize < preset.batchSize()) {
            throw new OfaException(data.root() + ": train split: expected at least " + (preset.batchSize() + 1)
                    + " images for batch " + preset.batchSize() + " plus a holdout, found " + all.size());
        }
        int[][] parts = Splits.holdout(all.size(), holdoutSize);
        this.train = new BatchMaker(all.subset(parts[0]), data.mean(), data.std());
        this.holdout = new BatchMaker(all.subset(parts[1]), data.mean(), data.std());
        this.test = new BatchMaker(data.test(), data.mean(), data.std());
        this.stepsPerEpoch = train.set().size() / preset.batchSize();
    }

    /** The space a preset trains on this dataset: its width and resolutions, the data's channels and classes. */
    public static Mbv3Space spaceFor(TrainPreset preset, Dataset data) {
        return Mbv3Space.mobileNetV3(preset.widthMult()).withResolutions(preset.resolutions())
                .withNumClasses(data.numClasses()).withInputChannels(data.channels());
    }

    public Mbv3Space space() {
        return space;
    }

    /** Steps of phase {@code p} at this run's epoch scale (at least one). */
    long phaseSteps(PhaseSpec p) {
        return Math.max(1, Math.round(p.epochs() * epochsScale * stepsPerEpoch));
    }

    long warmupSteps(PhaseSpec p) {
        return Math.round(p.warmupEpochs() * epochsScale * stepsPerEpoch);
    }

    /** Total steps of the whole run. */
    public long totalSteps() {
        return preset.phases().stream().mapToLong(this::phaseSteps).sum();
    }

    /**
     * Trains from the run folder's checkpoint (if any) to the end. Cancelled, it stops at the next
     * step boundary after saving a checkpoint there (a pause: running again resumes at that step);
     * the phase reports and the final evaluation finish before the check.
     */
    public void run() throws OfaException, CancelledException {
        // Seeds libtorch's generator: weight initialisation and dropout masks repeat run to run.
        Engine.getInstance().setRandomSeed((int) preset.seed());
        TorchThreads.prepare();
        try (NDManager manager = NDManager.newBaseManager()) {
            OfaSupernet net = new OfaSupernet(space, preset.dropout());
            int r0 = preset.resolutions().get(0);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, space.inputChannels(), r0, r0));
            Map<String, Parameter> trainable = NesterovSgd.trainable(net.stateDict());
            NesterovSgd sgd = new NesterovSgd(trainable, preset.momentum(), preset.weightDecay());
            TrainState state = TrainState.START;
            if (Files.exists(run.checkpoint())) {
                state = restore(net, sgd, manager);
                log.println("resumed at phase " + preset.phases().get(Math.min(state.phase(),
                        preset.phases().size() - 1)).name() + ", step " + state.step() + " (global " + state.globalStep() + ")");
            }
            writeRunInfo();
            OfaSupernet teacher = null;
            for (int p = state.phase(); p < preset.phases().size(); p++) {
                PhaseSpec phase = preset.phases().get(p);
                if (!state.prepared()) {
                    sgd.reset();
                    if (phase.sortExpandStage() >= 0) {
                        ChannelSorter.reorganize(net, phase.sortExpandStage());
                    }
                    state = new TrainState(p, state.step(), state.globalStep(), true);
                }
                if (!phase.teacher() && teacher == null && preset.kdRatio() > 0) {
                    teacher = loadTeacher(manager);
                }
                state = trainPhase(p, phase, net, teacher, sgd, state, manager);
                if (phase.teacher()) {
                    SupernetFiles.save(net, run.teacher());
                }
                reportPhase(p, phase, net, manager);
                state = new TrainState(p + 1, 0, state.globalStep(), false);
                saveCheckpoint(net, sgd, state);
            }
            finish(net, manager);
        }
    }

    private TrainState trainPhase(int p, PhaseSpec phase, OfaSupernet net, OfaSupernet teacher, NesterovSgd sgd,
            TrainState state, NDManager manager) throws OfaException, CancelledException {
        long total = phaseSteps(phase);
        long warmup = warmupSteps(phase);
        Mbv3Space phaseSpace = space.withChoices(phase.kernels(), phase.expands(), phase.depths());
        int[] order = null;
        long orderEpoch = -1;
        long started = System.nanoTime();
        long firstStep = state.step();
        double lossSum = 0;
        int lossCount = 0;
        for (long t = state.step(); t < total; t++) {
            if (cancel.isCancelled()) {
                // A pause: keep the steps done since the last checkpoint, so a resume starts exactly here.
                if (t > firstStep) {
                    saveCheckpoint(net, sgd, new TrainState(p, t, state.globalStep() + (t - state.step()), true));
                }
                throw new CancelledException();
            }
            long epoch = t / stepsPerEpoch;
            if (epoch != orderEpoch) {
                order = Splits.permutation(train.set().size(), new Random(seed(p, epoch, -1)));
                orderEpoch = epoch;
            }
            int b = (int) (t % stepsPerEpoch);
            Random rng = new Random(seed(p, t, 0));
            int r = preset.resolutions().get(rng.nextInt(preset.resolutions().size()));
            Batch batch = train.make(order, b * preset.batchSize(), (b + 1) * preset.batchSize(), r, rng);
            double lr = LearningRate.at(phase.lr(), t, total, warmup);
            double loss = step(phase, phaseSpace, net, teacher, sgd, batch, lr, new Random(seed(p, t, 1)), manager);
            if (!Double.isFinite(loss)) {
                throw new OfaException("training diverged: loss " + loss + " at phase " + phase.name() + " step " + t
                        + " (lr " + lr + ")");
            }
            lossSum += loss;
            lossCount++;
            long global = state.globalStep() + (t + 1 - state.step());
            if ((t + 1) % Math.min(10, preset.checkpointEvery()) == 0 || t + 1 == total) {
                ObjectNode m = Json.MAPPER.createObjectNode();
                m.put("type", "step");
                m.put("phase", phase.name());
                m.put("phase_index", p);
                m.put("step", t + 1);
                m.put("phase_steps", total);
                m.put("global_step", global);
                m.put("epoch", (double) (t + 1) / stepsPerEpoch);
                m.put("lr", lr);
                m.put("loss", lossSum / lossCount);
                m.put("skipped_steps", skippedSteps);
                double perStep = (System.nanoTime() - started) / 1e9 / (t + 1 - firstStep);
                m.put("seconds_per_step", perStep);
                m.put("eta_seconds", perStep * (remainingSteps(p, t + 1)));
                m.put("time", Instant.now().toString());
                run.appendMetric(m);
                lossSum = 0;
                lossCount = 0;
                progress.progress(global, totalSteps(), String.format("%s %d/%d loss %.3f ETA %s", phase.name(), t + 1,
                        total, m.get("loss").asDouble(), Eta.format(perStep * remainingSteps(p, t + 1))));
            }
            if ((t + 1) % preset.checkpointEvery() == 0 && t + 1 < total) {
                saveCheckpoint(net, sgd, new TrainState(p, t + 1, global, true));
            }
        }
        return new TrainState(p, total, state.globalStep() + (total - state.step()), true);
    }

    private long remainingSteps(int p, long doneInPhase) {
        long rest = phaseSteps(preset.phases().get(p)) - doneInPhase;
        for (int q = p + 1; q < preset.phases().size(); q++) {
            rest += phaseSteps(preset.phases().get(q));
        }
        return rest;
    }

    /** Seeds derived from (preset seed, phase, index, stream) so that every draw is reproducible on resume. */
    private long seed(int phase, long index, int stream) {
        long h = preset.seed() * 0x9E3779B97F4A7C15L + phase;
        h = h * 0xBF58476D1CE4E5B9L + index;
        return h * 0x94D049BB133111EBL + stream;
    }

    /**
     * One progressive-shrinking step (digest §2.3). Returns the mean loss over the sub-networks.
     */
    double step(PhaseSpec phase, Mbv3Space phaseSpace, OfaSupernet net, OfaSupernet teacher, NesterovSgd sgd,
            Batch batch, double lr, Random sampler, NDManager manager) throws OfaException {
        double lossSum = 0;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(batch.images(), new Shape(batch.shape()));
            NDArray labels = scope.create(batch.labels());
            NDArray soft = null;
            if (teacher != null && !phase.teacher()) {
                // Teacher in train mode (batch-statistics BN), no gradient: outside the collector.
                soft = teacher.forward(new ParameterStore(scope, false), x, true).stopGradient();
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                for (int j = 0; j < phase.subnetsPerStep(); j++) {
                    SubnetConfig c = phase.teacher() ? space.maxConfig(batch.resolution())
                            : phaseSpace.sample(sampler, batch.resolution());
                    net.setActiveSubnet(c);
                    NDArray logits = net.forward(new ParameterStore(scope, false), x, true);
                    NDArray loss = Losses.labelSmoothedCe(logits, labels, preset.labelSmoothing());
                    if (soft != null) {
                        loss = loss.add(Losses.distillation(logits, soft).mul((float) preset.kdRatio()));
                    }
                    gc.backward(loss);
                    lossSum += loss.getFloat();
                }
            }
        }
        // Deviation from OFA (documented in the README): a step whose gradients are not finite is
        // skipped, and the global gradient norm is clipped. Training the teacher from scratch at
        // OFA's rate on 2-core batches of 64 otherwise diverged within the first 150 steps.
        double norm = sgd.gradientNorm();
        if (Double.isFinite(norm)) {
            sgd.step(lr, norm > GRAD_CLIP ? GRAD_CLIP / norm : 1.0);
        } else {
            skippedSteps++;
        }
        sgd.zeroGradients();
        return lossSum / phase.subnetsPerStep();
    }

    private OfaSupernet loadTeacher(NDManager manager) throws OfaException {
        if (!Files.exists(run.teacher())) {
            throw new OfaException(run.teacher() + ": teacher: expected the full network of the teacher phase, "
                    + "found no file (the run folder is incomplete)");
        }
        CheckpointFile.Content c = CheckpointFile.read(run.teacher());
        OfaSupernet t = new OfaSupernet(space, 0f);
        int r0 = preset.resolutions().get(0);
        t.initialize(manager, DataType.FLOAT32, new Shape(1, space.inputChannels(), r0, r0));
        SupernetFiles.loadWeights(t, c.tensors(), run.teacher().toString());
        t.setActiveSubnet(space.maxConfig(preset.resolutions().get(preset.resolutions().size() - 1)));
        return t;
    }

    private void saveCheckpoint(OfaSupernet net, NesterovSgd sgd, TrainState state) throws OfaException {
        ObjectNode extra = Json.MAPPER.createObjectNode();
        extra.set("trainer", state.toJson());
        extra.put("preset", preset.name());
        extra.put("seed", preset.seed());
        extra.put("epochs_scale", epochsScale);
        SupernetFiles.save(net, run.checkpoint(), extra, sgd.state());
    }

    private TrainState restore(OfaSupernet net, NesterovSgd sgd, NDManager manager) throws OfaException {
        CheckpointFile.Content c = CheckpointFile.read(run.checkpoint());
        JsonNode h = c.header();
        if (!preset.name().equals(h.path("preset").asText()) || h.path("epochs_scale").asDouble() != epochsScale) {
            throw new OfaException(run.checkpoint() + ": field preset/epochs_scale: expected the run's "
                    + h.path("preset").asText() + " at scale " + h.path("epochs_scale").asDouble()
                    + ", found " + preset.name() + " at scale " + epochsScale + " (resume with the same options)");
        }
        Mbv3Space saved = SupernetFiles.space(h, run.checkpoint());
        if (!saved.equals(space)) {
            throw new OfaException(run.checkpoint() + ": field space: expected " + space.id() + " " + space.parameters()
                    + ", found " + saved.id() + " " + saved.parameters() + " (was the run started on other data?)");
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        for (Tensor t : c.tensors().tensors()) {
            (t.key().startsWith(NesterovSgd.BUFFER_PREFIX) ? buffers : weights).put(t.key(), t);
        }
        SupernetFiles.loadWeights(net, new StateDict(run.checkpoint(), weights), run.checkpoint().toString());
        sgd.load(buffers, manager);
        return TrainState.fromJson(h.path("trainer"));
    }

    private void writeRunInfo() throws OfaException {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", "ofa-studio-training-run");
        n.put("version", 1);
        n.put("preset", preset.name());
        n.put("data", data.root().toAbsolutePath().toString());
        n.put("data_kind", data.kind());
        n.put("train_images", train.set().size());
        n.put("holdout_images", holdout.set().size());
        n.put("test_images", test.set().size());
        n.put("batch_size", preset.batchSize());
        n.put("epochs_scale", epochsScale);
        n.put("steps_per_epoch", stepsPerEpoch);
        n.put("total_steps", totalSteps());
        n.set("space", SearchSpaces.toJson(space));
        ArrayNode phases = n.putArray("phases");
        for (PhaseSpec p : preset.phases()) {
            ObjectNode o = Json.MAPPER.valueToTree(p);
            o.put("steps", phaseSteps(p));
            phases.add(o);
        }
        // Rewritten at every (re)start so that it states the schedule being run (a preset's later
        // phases may be retuned between a stop and a resume); the first start time is kept.
        String now = Instant.now().toString();
        JsonNode before = Files.exists(run.runInfo()) ? Json.read(run.runInfo()) : null;
        n.put("started", before != null && before.hasNonNull("started") ? before.get("started").asText() : now);
        if (before != null) {
            n.put("resumed", now);
        }
        run.writeJson(run.runInfo(), n);
    }

    /** Max, min and a few random sub-networks of the phase's space on the holdout, after BN recalibration. */
    private void reportPhase(int p, PhaseSpec phase, OfaSupernet net, NDManager manager) throws OfaException {
        SubnetEvaluator eval = new SubnetEvaluator(holdout, preset.calibImages());
        Mbv3Space phaseSpace = space.withChoices(phase.kernels(), phase.expands(), phase.depths());
        int r = preset.evalResolution();
        List<String> names = new ArrayList<>(List.of("max", "min"));
        List<SubnetConfig> configs = new ArrayList<>(List.of(phaseSpace.maxConfig(r), phaseSpace.minConfig(r)));
        Random rng = new Random(seed(p, 0, 7));
        for (int i = 0; i < (phase.teacher() ? 0 : RANDOM_REPORTED); i++) {
            names.add("random");
            configs.add(phaseSpace.sample(rng));
        }
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("phase", phase.name());
        ArrayNode nets = entry.putArray("holdout");
        double randomSum = 0;
        int randoms = 0;
        for (int i = 0; i < configs.size(); i++) {
            SubnetEvaluator.Result res = eval.evaluate(net, configs.get(i), holdout, manager, ProgressListener.NONE);
            ObjectNode o = nets.addObject();
            o.put("subnet", names.get(i));
            o.set("config", Json.parse(res.config().toString(), "config"));
            o.put("top1", res.top1());
            o.put("loss", res.loss());
            ObjectNode m = o.deepCopy();
            m.put("type", "eval");
            m.put("phase", phase.name());
            m.put("split", "holdout");
            run.appendMetric(m);
            if (names.get(i).equals("random")) {
                randomSum += res.top1();
                randoms++;
            }
            log.printf("%n%s: %s sub-network r%d holdout top-1 %.2f %%%n", phase.name(), names.get(i),
                    res.config().r(), 100 * res.top1());
        }
        if (randoms > 0) {
            entry.put("random_mean_top1", randomSum / randoms);
        }
        ObjectNode report = readReport();
        ((ArrayNode) report.withArray("phases")).add(entry);
        run.writeJson(run.report(), report);
    }

    private ObjectNode readReport() throws OfaException {
        if (Files.exists(run.report())) {
            JsonNode n = Json.read(run.report());
            if (n instanceof ObjectNode o) {
                return o;
            }
        }
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("format", "ofa-studio-training-report");
        o.put("version", 1);
        return o;
    }

    /** Final figures on the test split (max and min sub-networks at two resolutions) and the trained supernet. */
    private void finish(OfaSupernet net, NDManager manager) throws OfaException {
        SubnetEvaluator eval = new SubnetEvaluator(holdout, preset.calibImages());
        ObjectNode report = readReport();
        ArrayNode fin = report.putArray("test");
        int rMax = preset.resolutions().get(preset.resolutions().size() - 1);
        for (int r : new int[] {preset.evalResolution(), rMax}) {
            for (String which : new String[] {"max", "min"}) {
                SubnetConfig c = which.equals("max") ? space.maxConfig(r) : space.minConfig(r);
                SubnetEvaluator.Result res = eval.evaluate(net, c, test, manager, ProgressListener.NONE);
                ObjectNode o = fin.addObject();
                o.put("subnet", which);
                o.put("r", r);
                o.set("config", Json.parse(c.toString(), "config"));
                o.put("top1", res.top1());
                o.put("images", res.images());
                log.printf("test: %s sub-network r%d top-1 %.2f %%%n", which, r, 100 * res.top1());
            }
        }
        report.put("finished", Instant.now().toString());
        SupernetFiles.save(net, run.supernet());
        SupernetFiles.savePth(net, run.supernetPth());
        report.put("supernet", run.supernet().getFileName().toString());
        report.put("supernet_pth", run.supernetPth().getFileName().toString());
        run.writeJson(run.report(), report);
    }
}

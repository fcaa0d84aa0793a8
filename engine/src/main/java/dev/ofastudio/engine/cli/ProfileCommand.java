package dev.ofastudio.engine.cli;

import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.latency.dpu.BoardSpec;
import dev.ofastudio.engine.latency.measure.Measurement;
import dev.ofastudio.engine.latency.measure.MeasurementImporter;
import dev.ofastudio.engine.latency.profile.FpgaProfile;
import dev.ofastudio.engine.latency.profile.FpgaProfiles;
import dev.ofastudio.engine.latency.profile.ProfileCalibrator;
import dev.ofastudio.engine.latency.profile.ProfileGenerator;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.project.BuiltInProjects;
import dev.ofastudio.engine.space.SearchSpace;
import dev.ofastudio.engine.space.SearchSpaces;
import dev.ofastudio.engine.space.mbv3.SpaceVariant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ofa profile}: generate board latency profiles and calibrate them to measurements. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Board latency profiles: generate from the DPU model, calibrate to your measurements.",
        subcommands = {ProfileCommand.Generate.class, ProfileCommand.Calibrate.class})
final class ProfileCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write the analytic profile of a board: the whole OFA MobileNetV3 space (w1.0, w1.2, "
                    + "128..224 step 4) and the reference networks, or the space of --space-json/--project.")
    static final class Generate implements Callable<Integer> {
        @Mixin
        BoardOptions target = new BoardOptions();

        @Option(names = "--out", required = true, paramLabel = "F", description = "Profile file to write (atomically).")
        Path out;

        @Option(names = "--space", defaultValue = "ofa", paramLabel = "S",
                description = "OFA space the table covers: ofa (the reference MobileNetV3 space) or dpu-friendly "
                        + "(no SE, ReLU, kernels 3/5, widths in multiples of 16). Default ${DEFAULT-VALUE}.")
        String space;

        @Option(names = "--space-json", paramLabel = "FILE",
                description = "Tabulate this MobileNetV3 space instead (a JSON object as written by the engine: "
                        + "widths, resolutions, input channels, classes), e.g. a project's own space.")
        Path spaceJson;

        @Option(names = "--project", paramLabel = SearchOptions.PROJECT_LABEL,
                description = "Tabulate this project's space (a built-in project or a project folder).")
        String project;

        @Option(names = "--json", description = "Print a JSON summary.")
        boolean json;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (target.profile != null) {
                throw new OfaException("option --profile: generate takes --board or --board-spec");
            }
            SearchSpace own = ownSpace();
            SpaceVariant variant = SpaceVariant.byId(space);
            if (variant == null) {
                throw new OfaException("option --space: expected ofa or dpu-friendly, found '" + space + "'");
            }
            BoardSpec board = target.boardSpec();
            String cmd = "ofa profile generate " + (target.boardSpec != null ? "--board-spec " + target.boardSpec.getFileName()
                    : "--board " + board.id()) + (target.isa != null ? " --isa " + target.isa : "")
                    + (variant == SpaceVariant.REFERENCE ? "" : " --space " + variant.id())
                    + (spaceJson != null ? " --space-json " + spaceJson.getFileName() : "")
                    + (project != null ? " --project " + Path.of(project).getFileName() : "");
            FpgaProfile p = own != null ? ProfileGenerator.generate(board, cmd, own)
                    : ProfileGenerator.generate(board, cmd, variant);
            FpgaProfiles.write(out, p);
            var o = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out", out.toString());
                m.put("board", board.id());
                m.put("layer_keys", p.latencyMs().size());
                m.put("resolutions", p.resolutions());
                m.put("reference_networks", p.networks().size());
                JsonOutput.print(o, m);
            } else {
                o.printf("wrote %s: %d layer keys, board %s%n", out, p.latencyMs().size(), board.id());
            }
            return 0;
        }

        /** The space of --space-json or --project; null for the shipped spaces (--space). */
        private SearchSpace ownSpace() throws OfaException {
            int given = (spaceJson != null ? 1 : 0) + (project != null ? 1 : 0);
            if (given == 0) {
                return null;
            }
            if (given > 1 || !"ofa".equals(space)) {
                throw new OfaException("options --space, --space-json and --project: give one space, not several");
            }
            if (project != null) {
                return BuiltInProjects.resolve(project).space();
            }
            return SearchSpaces.fromJson(Json.read(spaceJson), spaceJson.toString());
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = "Fit a board profile to measured networks (scale and per-frame overhead) and report the error "
                    + "before and after.")
    static final class Calibrate implements Callable<Integer> {
        @Mixin
        BoardOptions target = new BoardOptions();

        @Option(names = "--measurements", required = true, arity = "1..*", paramLabel = "F",
                description = "CSV of network,measured_ms[,kind], or NETWORK=FILE for a vaitrace --json_summary, a "
                        + "profile_summary.csv or benchmark output (E2E_MEAN=/DPU_MEAN=).")
        List<String> measurements;

        @Option(names = "--out", required = true, paramLabel = "F", description = "Calibrated profile to write.")
        Path out;

        @Option(names = "--json", description = "Print the report as JSON.")
        boolean json;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            FpgaProfile base;
            String baseName;
            if (target.profile != null) {
                if (target.board != null || target.boardSpec != null || target.isa != null) {
                    throw new OfaException("option --profile: the profile carries its board; drop --board/--board-spec/--isa");
                }
                base = FpgaProfiles.read(target.profile);
                baseName = target.profile.toString();
            } else {
                BoardSpec b = target.boardSpec();
                base = ProfileGenerator.generate(b, "ofa profile calibrate (analytic base, board " + b.id() + ")");
                baseName = "analytic model, board " + b.id();
            }
            List<Measurement> ms = new ArrayList<>();
            for (String m : measurements) {
                ms.addAll(MeasurementImporter.importArgument(m));
            }
            ProfileCalibrator.Result r = ProfileCalibrator.calibrate(base, baseName, ms, null);
            FpgaProfiles.write(out, r.profile());
            var o = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out", out.toString());
                m.put("board", base.board().id());
                m.put("scale", r.scale());
                m.put("frame_overhead_ms", r.frameOverheadMs());
                m.put("class_scales", r.classScales());
                m.put("model", r.model());
                m.put("prior_strength", r.priorStrength());
                m.put("overhead", r.overheadNote());
                m.put("mean_abs_error_before", r.meanAbsErrorBefore());
                m.put("mean_abs_error_after", r.meanAbsErrorAfter());
                m.put("uncalibrated_mean_abs_error", r.uncalibratedMeanAbsError());
                m.put("loo_mean_abs_error", r.looMeanAbsError());
                m.put("recommended", r.recommended());
                m.put("recommendation", r.recommendation());
                List<Map<String, Object>> pts = new ArrayList<>();
                for (ProfileCalibrator.Point p : r.points()) {
                    Map<String, Object> pm = new LinkedHashMap<>();
                    pm.put("network", p.network());
                    pm.put("kind", p.kind().jsonName());
                    pm.put("measured_ms", p.measuredMs());
                    pm.put("before_ms", p.beforeMs());
                    pm.put("after_ms", p.afterMs());
                    pm.put("error_before", p.errorBefore());
                    pm.put("error_after", p.errorAfter());
                    pm.put("loo_ms", p.looMs());
                    pm.put("loo_error", p.looError());
                    if (p.trace() != null) {
                        Map<String, Object> t = new LinkedHashMap<>();
                        t.put("measured_gop", p.trace().measuredGop());
                        t.put("model_gop", p.trace().modelGop());
                        t.put("measured_traffic_mb", p.trace().measuredTrafficMb());
                        t.put("model_traffic_mb", p.trace().modelTrafficMb());
                        t.put("measured_gops_per_s", p.trace().measuredGopsPerS());
                        t.put("model_gops_per_s", p.trace().modelGopsPerS());
                        t.put("hint", p.trace().hint());
                        pm.put("trace", t);
                    }
                    pts.add(pm);
                }
                m.put("points", pts);
                JsonOutput.print(o, m);
            } else {
                for (ProfileCalibrator.Point p : r.points()) {
                    o.printf("%-28s %-3s measured %8.3f ms  before %8.3f (%+.1f%%)  after %8.3f (%+.1f%%)  "
                            + "left out %8.3f (%+.1f%%)%n", p.network(), p.kind().jsonName(), p.measuredMs(), p.beforeMs(),
                            100 * p.errorBefore(), p.afterMs(), 100 * p.errorAfter(), p.looMs(), 100 * p.looError());
                    if (p.trace() != null) {
                        o.printf("    vaitrace: %.2f GOP (model %.2f), %.1f MB (model %.1f), %.0f GOP/s (model %.0f): %s%n",
                                p.trace().measuredGop(), p.trace().modelGop(), p.trace().measuredTrafficMb(),
                                p.trace().modelTrafficMb(), p.trace().measuredGopsPerS(), p.trace().modelGopsPerS(),
                                p.trace().hint());
                    }
                }
                o.printf("model %s (prior strength %.2f), scale %.4f, frame overhead %.3f ms (%s)%n", r.model(),
                        r.priorStrength(), r.scale(), r.frameOverheadMs(), r.overheadNote());
                o.printf("mean |error|: uncalibrated %.1f%%, calibrated in-sample %.1f%%, leave-one-out %.1f%%%n",
                        100 * r.uncalibratedMeanAbsError(), 100 * r.meanAbsErrorAfter(), 100 * r.looMeanAbsError());
                o.printf("%s; wrote %s%n", r.recommendation(), out);
            }
            return 0;
        }
    }
}

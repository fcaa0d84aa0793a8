package dev.ofastudio.app.bench;

import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.app.inputs.InputsViewModel;
import dev.ofastudio.app.pareto.ParetoView;
import dev.ofastudio.app.pareto.ParetoViewModel;
import dev.ofastudio.engine.study.ResultTable;
import dev.ofastudio.engine.study.Sweep;
import dev.ofastudio.app.service.ImmediateTaskExecutor;
import dev.ofastudio.app.settings.MemorySettings;
import dev.ofastudio.app.testing.FakeDialogService;
import dev.ofastudio.app.testing.Fakes;
import dev.ofastudio.engine.space.SubnetConfig;
import java.util.List;
import java.util.Random;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Harness (not a test): frame time of the Pareto canvas while panning with N points (default
 * 50,000: a 47,000-net cloud plus 3,000 search points on one board). Run under Xvfb:
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -Dprism.order=sw ... ParetoPanBench 50000}.
 * One pan step per pulse, 120 steps per pass, 3 passes; reports the mean interval between pulses
 * (the frame time the user sees) and the mean time of our paint() on the FX thread.
 */
public final class ParetoPanBench {
    private ParetoPanBench() {
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** CPU time of Prism's render thread so far (ns). */
    static long renderThreadCpu() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("QuantumRenderer")) {
                sum += THREADS.getThreadCpuTime(t.getId());
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        Platform.startup(() -> run(n));
    }

    private static ResultTable table(int n) {
        Random rnd = new Random(1);
        ResultTable.Builder b = new ResultTable.Builder(List.of("ZCU102"));
        SubnetConfig c = SubnetConfig.uniform(5, 4, 3, 192);
        for (int i = 0; i < n; i++) {
            double lat = 1.5 + 7 * Math.pow(rnd.nextDouble(), 1.4);
            double acc = 70 + 9 * Math.pow((lat - 1.5) / 7, 0.35) + rnd.nextGaussian() * 1.2;
            b.add(c, acc, 300_000_000L, 5_000_000L, new double[] {lat}, i < n - 3000 ? ResultTable.CLOUD : 0, 5);
        }
        return b.build();
    }

    private static void run(int n) {
        var exec = new ImmediateTaskExecutor();
        var dialogs = new FakeDialogService();
        var inputs = new InputsViewModel(Fakes.loaders(), dialogs, exec, new MemorySettings());
        var vm = new ParetoViewModel(inputs, new Sweep(Fakes.randomSearch(1)), exec, dialogs);
        ParetoView view = new ParetoView(vm, 1.0);
        Stage stage = new Stage();
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
        vm.tableProperty().set(table(n));
        vm.chosenBoardProperty().set(0);
        vm.budgetMsProperty().set(5);
        int steps = 120;
        new AnimationTimer() {
            int pass = -1;
            int step;
            long start;
            long paintNanos;
            long paintCpu;
            long renderCpu0;
            long wait = 30;

            @Override
            public void handle(long now) {
                if (wait-- > 0) {
                    return;
                }
                if (step == 0) {
                    start = System.nanoTime();
                    paintNanos = 0;
                    paintCpu = 0;
                    renderCpu0 = renderThreadCpu();
                }
                view.panBy(step % 40 < 20 ? 3 : -3, 0);
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                view.paint();
                paintCpu += THREADS.getCurrentThreadCpuTime() - c0;
                paintNanos += System.nanoTime() - t0;
                if (++step == steps) {
                    double frame = (System.nanoTime() - start) / 1e6 / steps;
                    if (pass >= 0) {
                        // CPU times do not depend on how busy the shared machine is; wall times do.
                        System.out.printf("N=%d pass %d: mean frame %.1f ms (%.0f fps), paint() %.1f ms wall / %.1f ms "
                                + "CPU, render thread %.1f ms CPU per frame%n", n, pass + 1, frame, 1000 / frame,
                                paintNanos / 1e6 / steps, paintCpu / 1e6 / steps,
                                (renderThreadCpu() - renderCpu0) / 1e6 / steps);
                    }
                    step = 0;
                    wait = 30;
                    if (++pass == 3) {
                        stop();
                        Platform.exit();
                    }
                }
            }
        }.start();
    }
}

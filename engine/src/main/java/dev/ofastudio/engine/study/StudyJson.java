package dev.ofastudio.engine.study;

import dev.ofastudio.engine.io.SubnetConfigJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's result as JSON (the {@code ofa sweep --json} contract, also what the studio's study
 * export writes): the request, the reference networks per board, each search's winner, each
 * board's Pareto front, and optionally every evaluated net. Accuracy is top-1 in %, latency in ms
 * (null where a board's source does not cover the net's resolution).
 */
public final class StudyJson {
    private StudyJson() {
    }

    public static Map<String, Object> of(SweepRequest req, ResultTable t, ReferenceMarkers refs, boolean allRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "ofa-studio-sweep");
        m.put("version", 1);
        m.put("space", req.space().id());
        m.put("predictor", req.predictor().describe());
        m.put("boards", t.boards());
        m.put("budgets_per_board", req.budgetCount());
        m.put("random", req.cloudSize());
        m.put("seed", req.seed());
        m.put("rows", t.size());
        List<Map<String, Object>> rs = new ArrayList<>();
        for (int k = 0; k < refs.nets().size(); k++) {
            int r = k;
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("name", refs.nets().get(r).name());
            rm.put("top1", refs.top1(r));
            rm.put("latency_ms", perBoard(t, b -> refs.latency()[b][r]));
            rs.add(rm);
        }
        m.put("references", rs);
        List<Map<String, Object>> searches = new ArrayList<>();
        for (int[] s : searchWinners(t)) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("board", t.boards().get(s[0]));
            sm.put("budget_ms", t.budget(s[1]));
            sm.put("best", net(t, s[1]));
            searches.add(sm);
        }
        m.put("searches", searches);
        Map<String, Object> fronts = new LinkedHashMap<>();
        for (int b = 0; b < t.boards().size(); b++) {
            List<Map<String, Object>> f = new ArrayList<>();
            for (int i : t.front(b)) {
                f.add(net(t, i));
            }
            fronts.put(t.boards().get(b), f);
        }
        m.put("fronts", fronts);
        if (allRows) {
            List<Map<String, Object>> nets = new ArrayList<>(t.size());
            for (int i = 0; i < t.size(); i++) {
                nets.add(net(t, i));
            }
            m.put("nets", nets);
        }
        return m;
    }

    /** One row: config, top-1, MACs, params, where it came from, latency per board. */
    public static Map<String, Object> net(ResultTable t, int i) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("top1", t.accuracy(i));
        n.put("latency_ms", perBoard(t, b -> t.latency(b, i)));
        n.put("macs", t.macs(i));
        n.put("params", t.params(i));
        n.put("origin", t.origin(i) < 0 ? "random" : t.boards().get(t.origin(i)));
        if (t.origin(i) >= 0) {
            n.put("budget_ms", t.budget(i));
        }
        n.put("config", SubnetConfigJson.toJson(t.config(i)));
        return n;
    }

    /**
     * Each search's winner as {board, row}, in table order: the most accurate row of the search
     * within its budget on its own board (the search keeps its winner when it thins its history).
     */
    public static List<int[]> searchWinners(ResultTable t) {
        Map<String, int[]> best = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            int b = t.origin(i);
            if (b < 0 || !(t.latency(b, i) <= t.budget(i))) {
                continue;
            }
            String key = b + "@" + t.budget(i);
            int[] cur = best.get(key);
            if (cur == null || t.accuracy(i) > t.accuracy(cur[1])) {
                best.put(key, new int[] {b, i});
            }
        }
        return new ArrayList<>(best.values());
    }

    private static Map<String, Object> perBoard(ResultTable t, java.util.function.IntToDoubleFunction f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int b = 0; b < t.boards().size(); b++) {
            double v = f.applyAsDouble(b);
            m.put(t.boards().get(b), Double.isNaN(v) ? null : v);
        }
        return m;
    }
}

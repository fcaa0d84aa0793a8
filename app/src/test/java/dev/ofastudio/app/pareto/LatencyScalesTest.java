package dev.ofastudio.app.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ofastudio.engine.space.SubnetConfig;
import dev.ofastudio.engine.study.ResultTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyScalesTest {
    @Test
    void aPhoneTableNextToDpuBoardsIsAnotherScale() {
        // Two DPU boards at 2–7 ms and a phone table at 10x: the table is on another scale.
        ResultTable.Builder b = new ResultTable.Builder(List.of("ZCU102", "KV260", "LUT note10"));
        SubnetConfig c = SubnetConfig.uniform(3, 3, 2, 160);
        for (int i = 0; i < 20; i++) {
            double dpu = 2 + 5 * i / 19.0;
            b.add(c, 70 + i * 0.5, 1, 1, new double[] {dpu, dpu * 0.95, dpu * 10}, ResultTable.CLOUD, Double.NaN);
        }
        ResultTable t = b.build();
        assertEquals(List.of(2), LatencyScales.otherScale(t, 0));
        assertEquals(List.of(0, 1), LatencyScales.otherScale(t, 2));
        assertEquals(List.of(), LatencyScales.otherScale(t, -1));
    }
}

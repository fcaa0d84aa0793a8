package dev.ofastudio.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GenomeIndexTest {
    private static final int L = GenomeLayout.LENGTH;

    @Test
    void numbersDistinctRowsInTheOrderFirstAddedAndFindsThemAgainAfterGrowing() {
        Random rnd = new Random(7);
        int n = 2_000;
        byte[] rows = new byte[n * L];
        for (int i = 0; i < n; i++) {
            // Row i is unique: its first two bytes spell i.
            rows[i * L] = (byte) (i & 0x7f);
            rows[i * L + 1] = (byte) (i >> 7);
            for (int g = 2; g < L; g++) {
                rows[i * L + g] = (byte) rnd.nextInt(4);
            }
        }
        GenomeIndex index = new GenomeIndex(1); // far too small: it has to grow and rehash
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.add(rows, i * L));
        }
        for (int i = n - 1; i >= 0; i--) {
            assertEquals(i, index.add(rows, i * L), "row " + i + " again");
        }
        assertEquals(n, index.size());
    }

    @Test
    void rowsDifferingInTheLastGeneAreDistinctAndACopyIsTheSame() {
        byte[] a = new byte[L];
        byte[] b = new byte[L];
        b[L - 1] = 1;
        GenomeIndex index = new GenomeIndex(4);
        assertEquals(0, index.add(a, 0));
        assertEquals(1, index.add(b, 0));
        byte[] both = new byte[2 * L];
        System.arraycopy(b, 0, both, L, L);
        assertEquals(1, index.add(both, L));
        assertEquals(0, index.add(both, 0));
        assertEquals(2, index.size());
    }
}

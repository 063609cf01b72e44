package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Percentiles: selection gives exactly what sorting gives")
class PercentilesSelectionTest {

    @Test
    @DisplayName("random values, many duplicates, sorted and reversed input, queries in any order")
    void matchesSorting() {
        Random r = new Random(11);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(trial < 200 ? 60 : trial < 390 ? 5000 : 200_000);
            double[] v = new double[n];
            int shape = trial % 4;
            for (int i = 0; i < n; i++) {
                v[i] = switch (shape) {
                    case 0 -> r.nextDouble();
                    case 1 -> r.nextInt(4); // heavy ties
                    case 2 -> i; // ascending
                    default -> n - i; // descending
                };
            }
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            Percentiles p = Percentiles.of(v);
            for (int q = 0; q < 30; q++) {
                double pct = r.nextInt(3) == 0 ? r.nextInt(101) : r.nextDouble() * 100;
                long rank = Percentiles.nearestRank(pct, n);
                int index = (int) Math.max(0, Math.min(n - 1, rank - 1));
                assertThat(p.at(pct)).as("p%s of %d values (shape %d)", pct, n, shape).isEqualTo(sorted[index]);
            }
            assertThat(p.min()).isEqualTo(sorted[0]);
            assertThat(p.max()).isEqualTo(sorted[n - 1]);
        }
    }

    @Test
    @DisplayName("the partially ordered array still holds exactly the input values")
    void permutation() {
        double[] v = new Random(5).doubles(10_000).toArray();
        double[] buffer = v.clone();
        Percentiles p = Percentiles.ofInPlace(buffer, buffer.length);
        p.at(50);
        p.at(99);
        p.min();
        Arrays.sort(v);
        Arrays.sort(buffer);
        assertThat(buffer).containsExactly(v);
    }
}

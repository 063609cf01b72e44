package io.interleave.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PrefixOrderTest {
    @Property(tries = 200, seed = "42")
    void kthOfEveryPrefixIsTheSortedPrefix(@ForAll @Size(min = 1, max = 140) List<@IntRange(min = 0, max = 20) Integer> values) {
        double[] v = values.stream().mapToDouble(i -> i).toArray();
        PrefixOrder order = new PrefixOrder(v);
        for (int m = 1; m <= v.length; m++) {
            double[] prefix = Arrays.copyOf(v, m);
            Arrays.sort(prefix);
            for (int k = 0; k < m; k++) {
                assertThat(order.kth(m, k)).isEqualTo(prefix[k]);
            }
        }
    }
}

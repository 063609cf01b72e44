package io.interleave.app.playback;

import io.interleave.app.metrics.MetricsViewModel;

/**
 * Test-only: playback reaching into metrics (which uses playback), a cycle
 * between the window's sub-packages that ArchitectureTest's rule must catch.
 */
final class PlaybackImportsMetricsFixture {
    Object metrics(MetricsViewModel metrics) {
        return metrics;
    }
}

package io.interleave.app.metrics;

import io.interleave.app.AppViewModel;

/**
 * Test-only: the metrics panel reaching up into the window's view model
 * (which builds the panel), the cycle between the window and its parts that
 * ArchitectureTest's rule must catch.
 */
final class MetricsImportsAppFixture {
    MetricsViewModel of(AppViewModel window) {
        return window.metrics();
    }
}

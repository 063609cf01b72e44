package io.interleave.app.metrics;

/**
 * What the metrics panel needs from the window: its view model. The window's
 * view model provides it, so this package never reaches up into the window.
 */
public interface MetricsSource {
    MetricsViewModel metrics();
}

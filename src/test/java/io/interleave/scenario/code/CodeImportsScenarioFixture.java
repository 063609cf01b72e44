package io.interleave.scenario.code;

import io.interleave.scenario.Segment;

/**
 * Test-only: the code package reaching up into the scenario records (which use
 * it to read {@code "code"}: a cycle). ArchitectureTest checks that its rule
 * catches it; production code never looks like this.
 */
final class CodeImportsScenarioFixture {
    Object segment() {
        return Segment.compute(1, "x");
    }
}

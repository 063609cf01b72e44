package io.interleave.files;

import io.interleave.scenario.Scenario;

/** Test-only: the neutral file package naming a project type, which ArchitectureTest's layer rule must catch. */
final class FilesImportsScenarioFixture {
    String name(Scenario scenario) {
        return scenario.name();
    }
}

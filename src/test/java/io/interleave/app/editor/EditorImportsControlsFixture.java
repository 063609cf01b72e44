package io.interleave.app.editor;

import io.interleave.app.controls.ControlsViewModel;
import io.interleave.scenario.Scenario;

/**
 * Test-only: the editor reaching back into the controls (which open the
 * editor), a cycle between the window's sub-packages that ArchitectureTest's
 * rule must catch.
 */
final class EditorImportsControlsFixture {
    void reload(ControlsViewModel controls, Scenario scenario) {
        controls.load(scenario);
    }
}

package io.interleave.cli;

/**
 * Not a test: a stand-in for a future mistake, a headless-package class that
 * names a JavaFX type. {@code ArchitectureTest} checks that its rule flags
 * this class, so the rule is known to be able to fail. It is never loaded.
 */
final class JavaFxLeakFixture {
    private JavaFxLeakFixture() {
    }

    static Object color() {
        return javafx.scene.paint.Color.RED;
    }
}

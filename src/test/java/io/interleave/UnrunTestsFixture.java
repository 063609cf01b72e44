package io.interleave;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A class with a test whose name matches no Surefire or Failsafe include, so
 * the build would never run it. {@link TestsRunTest} reports such classes;
 * this one exists only to prove that it does (its twin test), and the real
 * check leaves this one class out by name.
 */
class UnrunTestsFixture {
    @Test
    @Disabled("a fixture: it must never run, only be found")
    void neverRuns() {
        throw new AssertionError("this fixture is not meant to run");
    }
}

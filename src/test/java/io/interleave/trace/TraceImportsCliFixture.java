package io.interleave.trace;

import io.interleave.cli.CsvWriters;

/**
 * Test-only: a trace class reaching up into the command line (a layer
 * violation and, since cli uses trace, a package cycle). ArchitectureTest
 * checks that its rules catch it; production code never looks like this.
 */
final class TraceImportsCliFixture {
    Object spans(java.io.Writer out) throws java.io.IOException {
        return CsvWriters.spans(out);
    }
}

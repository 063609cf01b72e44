package io.interleave.app.files;

import io.interleave.cli.CsvWriters;

/** Test-only: the window reaching sideways into the command line, which ArchitectureTest's layer rule must catch. */
final class AppImportsCliFixture {
    Object spans(java.io.Writer out) throws java.io.IOException {
        return CsvWriters.spans(out);
    }
}

package io.interleave.cli;

import static io.interleave.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.cli.CliRunner.Result;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The command line builds only the command it is given; what a user sees of
 * the others (the list in the help, suggestions for a typo, {@code help NAME})
 * stays the same.
 */
class CommandSetTest {
    @Test
    @DisplayName("--help lists every command, in order, and exits 0")
    void helpListsEveryCommand() {
        Result r = run("--help");

        assertThat(r.code()).isZero();
        String commands = r.out().substring(r.out().indexOf("Commands:"));
        assertThat(commands).containsSubsequence("simulate", "render", "sweep", "presets", "help");
    }

    @Test
    @DisplayName("help NAME prints that command's usage")
    void helpNamesOneCommand() {
        Result r = run("help", "render");

        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: interleave render").contains("--out");
    }

    @Test
    @DisplayName("a misspelt command gets the suggestion from the full list and exit 2")
    void typoSuggestsTheCommand() {
        Result r = run("sweeep", "x.json");

        assertThat(r.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(r.err()).contains("'sweeep'").contains("did you mean sweep?");
    }

    @Test
    @DisplayName("a named command runs with its own flags and usage")
    void namedCommandRuns() {
        Result r = run("presets");

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("preset:three-requests");
        assertThat(run("render", "--help").out()).startsWith("Usage: interleave render");
    }
}

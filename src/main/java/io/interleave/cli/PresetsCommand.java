package io.interleave.cli;

import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code presets}: lists the built-in scenarios, one line each. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "Lists the built-in presets; load one with preset:NAME.")
public final class PresetsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = Presets.ids().stream().mapToInt(id -> ("preset:" + id).length()).max().orElse(0) + 1;
        java.util.List<Scenario> lessons = Presets.ids().stream().map(id -> Presets.load(id).orElseThrow()).toList();
        int nameWidth = lessons.stream().mapToInt(s -> s.name().length()).max().orElse(0); // every name has its own column
        for (int i = 0; i < lessons.size(); i++) {
            Scenario s = lessons.get(i);
            out.printf("%-" + idWidth + "s %-" + nameWidth + "s %s, compare: %s%n", "preset:" + Presets.ids().get(i), s.name(),
                    s.server().policy().jsonName(), Presets.comparison(s));
        }
        out.flush();
        return 0;
    }
}

package io.interleave.cli;

import io.interleave.scenario.HandlerCode;
import io.interleave.scenario.RequestType;
import io.interleave.scenario.Scenario;
import io.interleave.scenario.TaskCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code code}: prints each request type's handler as the Python it stands for under the server's policy, then
 * a program of tasks (if the scenario has one) as its coroutines or thread functions.
 */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = "Prints each request type of a scenario as a Python handler: a def under sync, "
                + "an async def with await on every wait under the event loop; comments give kind, duration and resource. "
                + "A program of tasks follows as coroutines or thread functions on their queues, with a main that starts them.")
public final class CodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A scenario file, or preset:NAME.")
    String scenarioArg;

    @Option(names = "--policy", paramLabel = "sync|event-loop|event-loop+pool", description = "Write the handlers for this policy instead of the server's.")
    String policy;

    @Option(names = "--type", paramLabel = "NAME", description = "Print only the request type of this name (a task's name prints the program of tasks).")
    String type;

    @Override
    public Integer call() {
        Scenario scenario = SimulateCommand.Overrides.apply(ScenarioSource.load(scenarioArg), policy, null, null, null, null, null);
        List<RequestType> types = scenario.requestTypes();
        boolean program = scenario.hasTasks();
        if (type != null) {
            types = types.stream().filter(t -> t.name().equals(type)).toList();
            program = scenario.tasks().stream().anyMatch(t -> t.name().equals(type));
            if (types.isEmpty() && !program) {
                List<String> known = new java.util.ArrayList<>(scenario.requestTypes().stream().map(RequestType::name).toList());
                scenario.tasks().forEach(t -> known.add(t.name()));
                throw new UsageException("--type: no request type " + (scenario.hasTasks() ? "or task " : "") + "named '" + type + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < types.size(); i++) {
            out.print((i == 0 ? "" : "\n") + HandlerCode.text(types.get(i), scenario.server(), scenario.resources()));
        }
        if (program) {
            // the tasks share their queues and main, so a task's name prints the whole program
            out.print((types.isEmpty() ? "" : "\n") + TaskCode.text(scenario));
        }
        out.flush();
        return 0;
    }
}

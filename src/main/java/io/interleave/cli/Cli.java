package io.interleave.cli;

import io.interleave.engine.RunLimitException;
import io.interleave.scenario.InvalidScenarioException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code simulate}, {@code presets} and the rest. Exit codes 0, 2 (bad input), 1 (failure). */
@Command(name = "interleave", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Simulates how a web server schedules requests. With no arguments, opens the window.")
public final class Cli {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    /**
     * The commands, in the order the help lists them. picocli reads a command's
     * annotations when it is added, which costs a tenth of a second for all of them:
     * a command line that names one (as nearly every call does) builds only that one.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("simulate", SimulateCommand::new);
        commands.put("render", RenderCommand::new);
        commands.put("sweep", SweepCommand::new);
        commands.put("presets", PresetsCommand::new);
        commands.put("code", CodeCommand::new);
        commands.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    private Cli() {
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Pictures are drawn with Java2D off screen: no display is needed or wanted.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        CommandLine cmd = new CommandLine(new Cli());
        Supplier<Object> named = args.length > 0 && !"help".equals(args[0]) ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            cmd.addSubcommand(args[0], named.get());
        } else {
            COMMANDS.forEach((name, command) -> cmd.addSubcommand(name, command.get()));
        }
        cmd.setOut(out);
        cmd.setErr(err);
        Flags.register(cmd);
        cmd.setParameterExceptionHandler((ex, a) -> {
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            }
            err.println("interleave: " + oneLine(Flags.message(ex)) + hint);
            err.flush();
            return BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException || ex instanceof InvalidScenarioException || ex instanceof RunLimitException
                    || ex instanceof io.interleave.engine.DeadlockException) {
                err.println("interleave: " + oneLine(ex.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
                ex = u.getCause();
            }
            if (ex instanceof java.io.IOException io) {
                // A full disk, a failing device: the file and the reason, never a Java class name.
                err.println("interleave: " + oneLine(ioMessage(io)));
                err.flush();
                return FAILURE;
            }
            err.println("interleave: unexpected failure: " + oneLine(String.valueOf(ex)));
            err.flush();
            return FAILURE;
        });
        int code;
        try {
            code = cmd.execute(args);
        } catch (OutOfMemoryError e) {
            // Outputs are temporary files until the end, and unwinding has deleted them: nothing was written.
            err.println("interleave: out of memory (maximum heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB); lower --count or run java with a larger -Xmx; nothing was written");
            code = FAILURE;
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * What failed in words, naming the file: "cannot write out.csv: No space
     * left on device" as {@link io.interleave.files.OutputException} says it,
     * or the file and reason of any other file-system failure.
     */
    static String ioMessage(java.io.IOException e) {
        if (e instanceof io.interleave.files.OutputException) {
            return e.getMessage();
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            String reason = f.getReason() != null ? f.getReason()
                    : f instanceof java.nio.file.NoSuchFileException ? "no such file or directory"
                    : f instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : f instanceof java.nio.file.NotDirectoryException ? "not a directory"
                    : f instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                    : "cannot be used";
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason;
        }
        return "input/output error: " + e.getMessage();
    }

    /**
     * A message as one printable line: line breaks become spaces, and other
     * control characters (ESC, BEL, NUL, C1), a surrogate without its other
     * half and the non-characters U+FFFE and U+FFFF are shown escaped
     * ({@code \\u001b}), so text from a file name or a JSON string can never
     * drive the terminal nor turn into a {@code ?} that hides what it was.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n' || cp == '\r') {
                b.append(' ');
            } else if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp <= 0xFFFF && Character.isSurrogate((char) cp))
                    || cp == 0xFFFE || cp == 0xFFFF) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString().strip();
    }

    /** The version from the jar's manifest (the pom's version). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"Interleave " + (v == null ? "(development build)" : v)};
        }
    }
}

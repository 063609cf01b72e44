package io.interleave.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * How every flag's value is read, for every command at once: integers and
 * numbers by the scenario file's rules ({@link Numbers#integer},
 * {@link Numbers#number}), file names that must name a file. A value that
 * breaks its rule is reported as {@code --flag: rule, was VALUE} (exit 2),
 * in the program's words rather than picocli's or Java's
 * ({@code is not an int}).
 */
final class Flags {
    private Flags() {
    }

    /** Installs the readers on {@code cmd} and its subcommands. */
    static void register(CommandLine cmd) {
        ITypeConverter<Integer> integer = text -> read(() -> (int) Numbers.integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        ITypeConverter<Long> whole = text -> read(() -> Numbers.integer(text, Long.MIN_VALUE, Long.MAX_VALUE));
        ITypeConverter<Double> number = text -> read(() -> Numbers.number(text));
        cmd.registerConverter(Integer.class, integer);
        cmd.registerConverter(int.class, integer);
        cmd.registerConverter(Long.class, whole);
        cmd.registerConverter(long.class, whole);
        cmd.registerConverter(Double.class, number);
        cmd.registerConverter(double.class, number);
        cmd.registerConverter(Path.class, Flags::file);
    }

    /** A file name to write or read: not empty, naming a file rather than a root such as {@code /}. */
    static Path file(String text) {
        if (text.isEmpty()) {
            throw new TypeConversionException("the file name is empty");
        }
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a valid file name: '" + text + "'");
        }
        if (p.getFileName() == null) {
            throw new TypeConversionException("must name a file, was '" + text + "'");
        }
        return p;
    }

    /** The one line for a bad command line: {@code --count: must be ..., was 1.5} for a value a reader refused. */
    static String message(CommandLine.ParameterException ex) {
        if (ex.getCause() instanceof TypeConversionException t && ex.getArgSpec() != null) {
            return name(ex.getArgSpec()) + ": " + t.getMessage();
        }
        return ex.getMessage();
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private interface Reading<T> {
        T get();
    }

    private static <T> T read(Reading<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

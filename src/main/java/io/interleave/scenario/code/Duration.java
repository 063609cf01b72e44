package io.interleave.scenario.code;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A duration as the trailing comment writes it, before the scenario checks
 * its values: {@code 80}, {@code exp(mean 20)}, {@code uniform(min 10, max 30)},
 * {@code normal(mean 50, sd 10)}, {@code lognormal(mean 50, sd 10)}; always
 * followed by {@code ms} in the comment.
 *
 * @param family which distribution
 * @param values its parameters in the family's order (one for a constant and exp, two for the others)
 */
public record Duration(Family family, List<Double> values) {
    /** The distributions a comment can name, with their parameters' words. */
    public enum Family {
        CONSTANT("", List.of("")),
        EXPONENTIAL("exp", List.of("mean")),
        UNIFORM("uniform", List.of("min", "max")),
        NORMAL("normal", List.of("mean", "sd")),
        LOGNORMAL("lognormal", List.of("mean", "sd"));

        private final String word;
        private final List<String> parameters;

        Family(String word, List<String> parameters) {
            this.word = word;
            this.parameters = parameters;
        }

        /** {@code exp}, {@code uniform}, ...; empty for a constant. */
        public String word() {
            return word;
        }

        /** The parameters' words in order, e.g. {@code mean, sd}. */
        public List<String> parameters() {
            return parameters;
        }

        static Optional<Family> fromWord(String word) {
            return Arrays.stream(values()).filter(f -> !f.word.isEmpty() && f.word.equals(word)).findFirst();
        }
    }

    public Duration {
        Objects.requireNonNull(family, "family");
        values = List.copyOf(values);
        if (values.size() != family.parameters.size()) {
            throw new IllegalArgumentException(family + " takes " + family.parameters.size() + " values, was " + values.size());
        }
    }

    public static Duration constant(double ms) {
        return new Duration(Family.CONSTANT, List.of(ms));
    }

    /** The comment's text without {@code ms}: {@code 80}, {@code exp(mean 20)}, {@code uniform(min 10, max 30)}. */
    public String text() {
        if (family == Family.CONSTANT) {
            return number(values.get(0));
        }
        StringBuilder sb = new StringBuilder(family.word).append('(');
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(family.parameters.get(i)).append(' ').append(number(values.get(i)));
        }
        return sb.append(')').toString();
    }

    /** A number as code writes it: the shortest decimals that read back as the same double ({@code 80}, {@code 0.25}). */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String plain = new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        return plain.length() <= 24 ? plain : Double.toString(value);
    }
}

package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A rule of the scenario format broken while reading, such as
 * {@code must be an integer}. Jackson adds the JSON path on the way out (each
 * enclosing object and array prepends its field or index), and
 * {@link ScenarioJson} turns the pair into {@code path: rule}.
 */
final class JsonRule extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    private JsonRule(JsonParser parser, String rule) {
        super(parser, rule);
    }

    /** The rule broken by the value at the parser's position. */
    static JsonRule broken(JsonParser parser, String rule) {
        return new JsonRule(parser, rule);
    }

    /** The rule broken by the member {@code field} of the object at the parser's position. */
    static JsonRule broken(JsonParser parser, String field, String rule) {
        JsonRule e = new JsonRule(parser, rule);
        e.prependPath(new Reference(null, field));
        return e;
    }

    /** The rule, without the path. */
    String rule() {
        return getOriginalMessage();
    }
}

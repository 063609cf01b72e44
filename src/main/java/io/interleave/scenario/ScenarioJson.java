package io.interleave.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes scenario files (schema 1). Every rule that a file can
 * break is reported as an {@link InvalidScenarioException} whose message
 * starts with the JSON path, e.g.
 * {@code requestTypes[0].segments[2].ms.mean: must be > 0}. Reading either
 * returns a complete scenario or throws; nothing is half-built.
 *
 * <p>Jackson databind reads and writes the records themselves: they declare
 * their fields once (names, defaults, {@code null} = none, {@link Bounds},
 * the {@code dist} and {@code pattern} families), {@link ScenarioJsonModule}
 * supplies the format's readers, and this class turns what Jackson reports
 * (a JSON path and a cause) into the one-line message.
 */
public final class ScenarioJson {
    /** The longest text (a name, a description) a file may hold, in characters. */
    public static final int MAX_TEXT_CHARS = 1_000_000;
    /** The longest number a file may write, in characters. */
    public static final int MAX_NUMBER_CHARS = 1_000;
    /** The deepest nesting of objects and arrays a file may have (the format itself needs 5). */
    public static final int MAX_NESTING = 100;
    /** The longest field name, in characters. */
    public static final int MAX_FIELD_NAME_CHARS = 1_000;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(MAX_TEXT_CHARS)
                            .maxNumberLength(MAX_NUMBER_CHARS)
                            .maxNestingDepth(MAX_NESTING)
                            .maxNameLength(MAX_FIELD_NAME_CHARS)
                            .build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
            .addModule(new ScenarioJsonModule())
            .build();
    private static final ObjectReader READER = MAPPER.readerFor(Scenario.class);
    /**
     * The writer is built on first use, not with the reader: building it introspects
     * every record for writing, which costs a command that only reads (such as
     * {@code simulate}) a tenth of a second of start-up.
     */
    private static final class Writing {
        static final ObjectWriter WRITER = MAPPER.writerFor(Scenario.class);
    }
    /** Files larger than this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private ScenarioJson() {
    }

    /**
     * Reads a scenario file. Every message starts with the file's path, then
     * the JSON path and the rule, e.g.
     * {@code my.json: requestTypes[0].segments[2].ms.mean: must be > 0}.
     */
    public static Scenario read(Path file) {
        String named = named(file);
        if (file.toString().isEmpty()) {
            throw new InvalidScenarioException("scenario file: the name is empty");
        }
        try {
            byte[] bytes = io.interleave.files.InputFiles.read(file, MAX_FILE_BYTES);
            return parse(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (io.interleave.files.InputFiles.Refused e) {
            throw new InvalidScenarioException(named + ": " + e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidScenarioException(named + ": file is not UTF-8 text", e);
        } catch (InvalidScenarioException e) {
            throw new InvalidScenarioException(named + ": " + e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InvalidScenarioException(named + ": no such file", e);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new InvalidScenarioException(named + ": permission denied", e);
        } catch (IOException e) {
            throw new InvalidScenarioException(named + ": cannot read (" + reason(e) + ")", e);
        }
    }

    /** Why reading failed, without the file name Java puts in front ("/a/b: Input/output error" becomes "Input/output error"). */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** A file as messages name it: as given, or quoted when the name is empty or starts or ends with a space. */
    private static String named(Path file) {
        String name = file.toString();
        return name.isEmpty() || !name.equals(name.strip()) ? "'" + name + "'" : name;
    }

    /** Reads a scenario from a stream of UTF-8 JSON, such as a bundled preset. */
    public static Scenario read(InputStream in) throws IOException {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Parses scenario JSON text. */
    public static Scenario parse(String json) {
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1); // a byte-order mark, as some Windows editors write
        }
        if (json.isBlank()) {
            throw new InvalidScenarioException("file is empty");
        }
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new InvalidScenarioException(explain(json, e), e);
        }
    }

    /** Writes a scenario as schema-1 JSON text. */
    public static String write(Scenario scenario) {
        try {
            return Writing.WRITER.writeValueAsString(scenario) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise scenario", e);
        }
    }

    /**
     * The one message for a file that failed to read. A problem of the text
     * itself (malformed JSON, a duplicate key, content after the end) comes
     * first wherever it stands, as a reader that parses before it looks would
     * report it; otherwise the broken rule, at the JSON path Jackson collected.
     */
    private static String explain(String json, JsonProcessingException e) {
        String malformed = malformed(json);
        if (malformed != null) {
            return malformed;
        }
        if (e instanceof JsonMappingException m) {
            return translate(m);
        }
        return describe(e);
    }

    /** The first problem of the text as JSON, or null if it is well formed. */
    private static String malformed(String json) {
        try (JsonParser p = MAPPER.createParser(json)) {
            try {
                p.nextToken();
                p.skipChildren();
                if (p.nextToken() != null) {
                    return where(p.currentTokenLocation()) + ": malformed JSON: unexpected content after the end of the scenario object";
                }
                return null;
            } catch (StreamConstraintsException e) {
                // Jackson's report has no position: take the parser's
                String limit = limit(e);
                String at = limit.contains("nested") ? "" : jsonPath(p.getParsingContext());
                return (at.isEmpty() ? "" : at + ": ") + limit + " (" + where(p.currentLocation()) + ")";
            }
        } catch (JsonProcessingException e) {
            return describe(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broken rule in the project's words: {@code path: rule}, or a record's own {@code path.field: rule}. */
    private static String translate(JsonMappingException e) {
        String path = path(e.getPath());
        String at = path.isEmpty() ? "(top level)" : path;
        String limit = limit(e);
        if (limit != null) {
            return at + ": " + limit;
        }
        if (e instanceof JsonRule rule) {
            return at + ": " + rule.rule();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return at + ": unknown field";
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException broken) {
            // The record's constructor says "field: rule" about its own fields.
            return path.isEmpty() ? broken.getMessage() : path + "." + broken.getMessage();
        }
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        return at + ": " + (cut >= 0 ? message.substring(0, cut) : message);
    }

    /** Jackson's path in the notation of our messages, e.g. {@code requestTypes[0].segments[2].ms}. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(Math.max(0, r.getIndex())).append(']');
            }
        }
        return sb.toString();
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message.indexOf('\n');
        if (cut >= 0) {
            message = message.substring(0, cut);
        }
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String limit = limit(e);
        if (limit != null) {
            // the path, except for nesting too deep, whose path would be a hundred levels long
            String at = e.getProcessor() instanceof JsonParser parser && !limit.contains("nested")
                    ? jsonPath(parser.getParsingContext()) : "";
            return (at.isEmpty() ? "" : at + ": ") + limit + (where.isEmpty() ? "" : " (" + where + ")");
        }
        if (message.startsWith("Duplicate field") && e.getProcessor() instanceof JsonParser parser) {
            // Name the duplicated key by its JSON path, like every other rule.
            return jsonPath(parser.getParsingContext()) + ": duplicate key" + (where.isEmpty() ? "" : " (" + where + ")");
        }
        if (message.startsWith("Trailing token")) {
            message = "unexpected content after the end of the scenario object";
        }
        // Drop Jackson's advice about its own feature flags, which means nothing to the reader of a file.
        for (String advice : new String[] {": enable `", " (not recognized as one since", "; enable `", " (start marker at"}) {
            int at = message.indexOf(advice);
            if (at > 0) {
                message = message.substring(0, at);
            }
        }
        return (where.isEmpty() ? "" : where + ": ") + "malformed JSON: " + message;
    }

    /**
     * One of the file's size limits in the program's words ("text longer
     * than 1000000 characters"), if {@code e} or a cause is Jackson's report
     * of it (which would name {@code StreamReadConstraints}); else null.
     */
    private static String limit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException c) {
                String m = String.valueOf(c.getOriginalMessage());
                if (m.startsWith("String value length")) {
                    return "text longer than " + MAX_TEXT_CHARS + " characters, the most a scenario file may hold";
                }
                if (m.startsWith("Number value length")) {
                    return "a number longer than " + MAX_NUMBER_CHARS + " characters";
                }
                if (m.startsWith("Document nesting depth")) {
                    return "objects and arrays nested deeper than " + MAX_NESTING + " levels";
                }
                if (m.startsWith("Name length")) {
                    return "a field name longer than " + MAX_FIELD_NAME_CHARS + " characters";
                }
                return "the file passes a size limit of the reader";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The path of a parser position in the notation of our messages, e.g. {@code requestTypes[0].name}. */
    private static String jsonPath(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = jsonPath(context.getParent());
        if (context.inArray()) {
            return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
        }
        String name = context.getCurrentName();
        return parent.isEmpty() ? name : parent + "." + name;
    }
}

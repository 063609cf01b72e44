package io.interleave.scenario.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Labels as names a handler calls: {@code "db query"} becomes {@code db_query},
 * {@code "time.sleep"} stays {@code time.sleep} (a dotted name), {@code "3 calls"}
 * becomes {@code _3_calls}, a Python keyword gets a trailing {@code _}. A label that is
 * not its own name is kept, quoted, in the line's comment.
 */
public final class Identifiers {
    /** Python's keywords (and soft keywords that would read oddly as a name). */
    static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case");
    /** Names the grammar gives a meaning of its own; a label spelling one is called by another name. */
    static final Set<String> RESERVED = Set.of("asyncio.to_thread", "asyncio.gather", "gather",
            "asyncio.create_task", "executor.submit");

    private Identifiers() {
    }

    /** The dotted name a label is called by; {@code fallback} (a valid name) when nothing of the label is left. */
    public static String name(String label, String fallback) {
        List<String> parts = new ArrayList<>();
        for (String part : label.split("\\.", -1)) {
            String p = part(part);
            if (!p.isEmpty()) {
                parts.add(KEYWORDS.contains(p) ? p + "_" : p);
            }
        }
        if (parts.isEmpty()) {
            return fallback;
        }
        String name = String.join(".", parts);
        return RESERVED.contains(name) || name.startsWith("branch_") ? name + "_" : name;
    }

    /** One part: letters, digits and {@code _} kept, every run of anything else one {@code _}, no leading digit. */
    private static String part(String text) {
        StringBuilder sb = new StringBuilder();
        boolean replaced = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isNamePart(cp)) {
                sb.appendCodePoint(cp);
                replaced = false;
            } else if (!replaced) {
                sb.append('_');
                replaced = true;
            }
        }
        String p = sb.toString();
        // a run of spaces at either end says nothing: drop the '_' it became
        while (p.startsWith("_") && !text.startsWith("_")) {
            p = p.substring(1);
        }
        while (p.endsWith("_") && !text.endsWith("_")) {
            p = p.substring(0, p.length() - 1);
        }
        if (!p.isEmpty() && Character.isDigit(p.codePointAt(0))) {
            p = "_" + p;
        }
        return p;
    }

    /** A character that may continue a name (Unicode letters and digits, as Python allows, and {@code _}). */
    static boolean isNamePart(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    /** A character that may start a name. */
    static boolean isNameStart(int cp) {
        return cp == '_' || Character.isLetter(cp);
    }
}

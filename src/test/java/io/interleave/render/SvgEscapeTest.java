package io.interleave.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The SVG writer never writes a character XML 1.0 does not allow: whatever
 * text reaches a surface (a name, a label, a title), the document parses,
 * and every allowed character comes back exactly.
 */
@DisplayName("SVG: any text is written as well-formed XML")
class SvgEscapeTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static String svgWith(String title, String text) {
        SvgSurface s = new SvgSurface(100, 50, Rgb.hex("#FFFFFF"));
        s.title(title);
        s.text(text, 1, 1, new TextStyle(12, false), Rgb.hex("#000000"), TextAlign.LEFT);
        return s.toSvg();
    }

    @Test
    @DisplayName("every code point XML 1.0 forbids (C0 controls, lone surrogates, U+FFFE, U+FFFF) becomes U+FFFD; the document parses")
    void forbiddenCharacters() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append(c);
        }
        all.append('\uD800').append('x').append('\uDC00').append('\uFFFE').append('\uFFFF').append('\uD83D'); // ends on a high surrogate
        Document doc = parse(svgWith(all.toString(), all.toString()));

        String back = doc.getElementsByTagName("text").item(0).getTextContent();
        assertThat(back).doesNotContain("\uD800", "\uDC00", "\uFFFE", "\uFFFF", "\u0000", "\u001b");
        assertThat(back).contains("\t", "\n", "\r", "x", "\uFFFD");
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).contains("\uFFFD", "x");
    }

    @Test
    @DisplayName("markup characters, quotes, emoji, right-to-left and combining text come back exactly")
    void allowedTextExact() throws Exception {
        String text = "<a href=\"x\">&amp;</a> 'q' \uD83D\uDE00 \uD83C\uDDEB\uD83C\uDDF7 \u05E9\u05DC\u05D5\u05DD \u202Eabc e\u0301 \u0085 ]]>";
        Document doc = parse(svgWith(text, text));

        assertThat(doc.getElementsByTagName("text").item(0).getTextContent()).isEqualTo(text);
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(text);
    }

    @Test
    @DisplayName("a label cut to fit keeps whole characters: never half an emoji")
    void cutKeepsWholeCharacters() {
        TextMeasure perChar = (t, s) -> t.length() * 10;
        String cut = SweepChart.fit(perChar, "ab\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", new TextStyle(12, false), 12, 45).text();
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < cut.length() && Character.isLowSurrogate(cut.charAt(i + 1))).as(cut).isTrue();
            }
            if (Character.isLowSurrogate(c)) {
                assertThat(i > 0 && Character.isHighSurrogate(cut.charAt(i - 1))).as(cut).isTrue();
            }
        }
        assertThat(cut).endsWith("\u2026");
    }
}

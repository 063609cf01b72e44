package io.interleave.render;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An opaque colour, independent of any toolkit: each drawing surface turns it
 * into its own colour type.
 *
 * @param red 0..255
 * @param green 0..255
 * @param blue 0..255
 */
public record Rgb(int red, int green, int blue) {
    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public Rgb {
        check("red", red);
        check("green", green);
        check("blue", blue);
    }

    private static void check(String name, int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + ": must be 0..255, was " + value);
        }
    }

    /** The colour written {@code #RRGGBB}. */
    public static Rgb hex(String hex) {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("colour must be #RRGGBB, was '" + hex + "'");
        }
        int v = Integer.parseInt(hex.substring(1), 16);
        return new Rgb(v >> 16 & 0xFF, v >> 8 & 0xFF, v & 0xFF);
    }

    /** {@code #rrggbb}, as CSS and SVG write it. */
    public String hex() {
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
    }

    /** Red, green and blue as fractions 0..1, the form JavaFX and Java2D take. */
    public double redFraction() {
        return red / 255.0;
    }

    public double greenFraction() {
        return green / 255.0;
    }

    public double blueFraction() {
        return blue / 255.0;
    }

    /** Relative luminance as WCAG 2 defines it: 0 for black, 1 for white. */
    public double luminance() {
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** WCAG contrast ratio with another colour, from 1 (none) to 21 (black on white). */
    public double contrastWith(Rgb other) {
        double a = luminance();
        double b = other.luminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** This colour moved towards {@code other} by {@code t} (0 = this, 1 = other). */
    public Rgb mix(Rgb other, double t) {
        double k = Math.max(0, Math.min(1, t));
        return new Rgb(blend(red, other.red, k), blend(green, other.green, k), blend(blue, other.blue, k));
    }

    private static int blend(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    /** Whichever of the two text colours reads better on this colour. */
    public Rgb pickTextColour(Rgb dark, Rgb light) {
        return contrastWith(dark) >= contrastWith(light) ? dark : light;
    }
}

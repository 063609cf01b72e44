package io.interleave.render;

import io.interleave.trace.Span;
import io.interleave.trace.SpanState;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every colour the timeline uses, in one place. State colours come from the
 * Okabe–Ito palette, which stays distinct under the common forms of colour
 * blindness; the states people most often confuse also carry a pattern, so no
 * state is told by colour alone.
 */
public final class Palette {
    // Okabe & Ito (2008), "Color Universal Design".
    private static final Rgb OI_ORANGE = Rgb.hex("#E69F00");
    private static final Rgb OI_SKY_BLUE = Rgb.hex("#56B4E9");
    private static final Rgb OI_BLUISH_GREEN = Rgb.hex("#009E73");
    private static final Rgb OI_BLUE = Rgb.hex("#0072B2");
    private static final Rgb OI_VERMILLION = Rgb.hex("#D55E00");
    private static final Rgb OI_REDDISH_PURPLE = Rgb.hex("#CC79A7");
    private static final Rgb OI_YELLOW = Rgb.hex("#F0E442");
    private static final Rgb BLACK = Rgb.hex("#000000");
    private static final Rgb WHITE = Rgb.hex("#FFFFFF");

    /** Dark ink on white: the default, and what exports use. */
    public static final Palette LIGHT = new Builder("Light")
            .background("#FFFFFF").stripe("#F3F5F8").laneBackground("#E6E9EE").grid("#DCE0E6")
            .axis("#59616E").text("#16191D").mutedText("#8A929E").sectionBand("#EAEEF3")
            .nowLine("#000000").nowLabelText("#FFFFFF").rejected(OI_VERMILLION).ghost("#97A1AE")
            .state(SpanState.QUEUED, new Fill(Rgb.hex("#D3D8DF"), FillPattern.HATCHED, Rgb.hex("#6E7784")))
            .state(SpanState.READY, new Fill(OI_SKY_BLUE, FillPattern.SOLID, Rgb.hex("#2B6D93")))
            .state(SpanState.COMPUTE, new Fill(OI_BLUE, FillPattern.SOLID, Rgb.hex("#00476F")))
            .state(SpanState.WAIT, new Fill(OI_BLUISH_GREEN, FillPattern.SOLID, Rgb.hex("#00624A")))
            .state(SpanState.WAITING_RESOURCE, new Fill(OI_ORANGE, FillPattern.DOTTED, Rgb.hex("#7A5200")))
            .state(SpanState.BLOCKED, new Fill(OI_REDDISH_PURPLE, FillPattern.CROSSHATCHED, Rgb.hex("#6E2A52")))
            .state(SpanState.WAITING_PUT, new Fill(OI_YELLOW, FillPattern.DOTTED, Rgb.hex("#6B6000")))
            .state(SpanState.WAITING_GET, new Fill(OI_YELLOW, FillPattern.HATCHED, Rgb.hex("#6B6000")))
            .state(SpanState.WAITING_GIL, new Fill(OI_SKY_BLUE, FillPattern.CROSSHATCHED, Rgb.hex("#1F4F6B")))
            .heldWait(new Fill(OI_BLUISH_GREEN, FillPattern.STRIPED, OI_YELLOW, Rgb.hex("#00624A")))
            .wasted(new Fill(OI_VERMILLION, FillPattern.CROSSHATCHED, Rgb.hex("#FFFFFF"), Rgb.hex("#7A3000")))
            .build();

    /** Light ink on near-black, for dim rooms and projectors with washed-out whites. */
    public static final Palette DARK = new Builder("Dark")
            .background("#101215").stripe("#181B20").laneBackground("#262B32").grid("#2E343C")
            .axis("#B4BCC8").text("#F4F6F8").mutedText("#7E8793").sectionBand("#1E2228")
            .nowLine("#FFFFFF").nowLabelText("#000000").rejected(Rgb.hex("#FF7B3A")).ghost("#6F7986")
            .state(SpanState.QUEUED, new Fill(Rgb.hex("#59616C"), FillPattern.HATCHED, Rgb.hex("#B9C0CA")))
            .state(SpanState.READY, new Fill(OI_SKY_BLUE, FillPattern.SOLID, Rgb.hex("#A9DAF5")))
            .state(SpanState.COMPUTE, new Fill(Rgb.hex("#1C8FD6"), FillPattern.SOLID, Rgb.hex("#8CCBF2")))
            .state(SpanState.WAIT, new Fill(OI_BLUISH_GREEN, FillPattern.SOLID, Rgb.hex("#7FD9BF")))
            .state(SpanState.WAITING_RESOURCE, new Fill(OI_ORANGE, FillPattern.DOTTED, Rgb.hex("#5A3C00")))
            .state(SpanState.BLOCKED, new Fill(OI_REDDISH_PURPLE, FillPattern.CROSSHATCHED, Rgb.hex("#4A1636")))
            .state(SpanState.WAITING_PUT, new Fill(OI_YELLOW, FillPattern.DOTTED, Rgb.hex("#4A4300")))
            .state(SpanState.WAITING_GET, new Fill(OI_YELLOW, FillPattern.HATCHED, Rgb.hex("#4A4300")))
            .state(SpanState.WAITING_GIL, new Fill(OI_SKY_BLUE, FillPattern.CROSSHATCHED, Rgb.hex("#12374C")))
            .heldWait(new Fill(OI_BLUISH_GREEN, FillPattern.STRIPED, OI_YELLOW, Rgb.hex("#7FD9BF")))
            .wasted(new Fill(OI_VERMILLION, FillPattern.CROSSHATCHED, BLACK, Rgb.hex("#FFB38A")))
            .build();

    private final String name;
    private final Map<SpanState, Fill> states;
    private final Fill heldWait;
    private final Fill wasted;
    private final Rgb background;
    private final Rgb stripe;
    private final Rgb laneBackground;
    private final Rgb grid;
    private final Rgb axis;
    private final Rgb text;
    private final Rgb mutedText;
    private final Rgb sectionBand;
    private final Rgb nowLine;
    private final Rgb nowLabelText;
    private final Rgb rejected;
    private final Rgb ghost;

    private Palette(Builder b) {
        this.name = b.name;
        this.states = new EnumMap<>(b.states);
        for (SpanState s : SpanState.values()) {
            if (!states.containsKey(s)) {
                throw new IllegalArgumentException("palette " + b.name + " has no fill for " + s);
            }
        }
        this.heldWait = Objects.requireNonNull(b.heldWait, "heldWait");
        this.wasted = Objects.requireNonNull(b.wasted, "wasted");
        this.background = Objects.requireNonNull(b.background, "background");
        this.stripe = Objects.requireNonNull(b.stripe, "stripe");
        this.laneBackground = Objects.requireNonNull(b.laneBackground, "laneBackground");
        this.grid = Objects.requireNonNull(b.grid, "grid");
        this.axis = Objects.requireNonNull(b.axis, "axis");
        this.text = Objects.requireNonNull(b.text, "text");
        this.mutedText = Objects.requireNonNull(b.mutedText, "mutedText");
        this.sectionBand = Objects.requireNonNull(b.sectionBand, "sectionBand");
        this.nowLine = Objects.requireNonNull(b.nowLine, "nowLine");
        this.nowLabelText = Objects.requireNonNull(b.nowLabelText, "nowLabelText");
        this.rejected = Objects.requireNonNull(b.rejected, "rejected");
        this.ghost = b.ghost != null ? b.ghost : this.mutedText;
    }

    /** "Light" or "Dark". */
    public String name() {
        return name;
    }

    /**
     * How bars in this state are filled. For {@link SpanState#WAIT} this is
     * the wait that frees its worker (an {@code await} on the loop): the
     * talk's green, "I'm just waiting here".
     */
    public Fill fill(SpanState state) {
        return states.get(state);
    }

    /**
     * How a wait that holds its worker is filled (a sync thread awaiting the
     * database: nothing runs, yet the thread serves no one else): the wait's
     * green with broad Okabe–Ito yellow stripes, like caution tape.
     */
    public Fill heldWait() {
        return heldWait;
    }

    /**
     * How work done after the client gave up is filled, whatever it was doing (a timed-out request
     * the server went on with): Okabe–Ito vermillion, cross-hatched, so it reads as waste from afar.
     */
    public Fill wasted() {
        return wasted;
    }

    /**
     * How {@code span} is filled: {@link #wasted()} after its client gave up, else its state's fill,
     * or {@link #heldWait()} for a wait that holds its worker.
     */
    public Fill fill(Span span) {
        return span.wasted() ? wasted : isHeldWait(span) ? heldWait : states.get(span.state());
    }

    /** Whether {@code span} is a wait that keeps its thread or loop occupied. */
    public static boolean isHeldWait(Span span) {
        return span.state() == SpanState.WAIT && span.holdsWorker();
    }

    /** The canvas behind everything. */
    public Rgb background() {
        return background;
    }

    /** Every other request row, to guide the eye along a row. */
    public Rgb stripe() {
        return stripe;
    }

    /** A thread, loop or core lane where nothing runs: idle time. */
    public Rgb laneBackground() {
        return laneBackground;
    }

    /** Vertical lines at the axis ticks. */
    public Rgb grid() {
        return grid;
    }

    /** The time axis, its ticks and their labels. */
    public Rgb axis() {
        return axis;
    }

    /** Labels, titles, the arrival and completion markers. */
    public Rgb text() {
        return text;
    }

    /** Labels of requests that have not arrived yet. */
    public Rgb mutedText() {
        return mutedText;
    }

    /** Behind the title of each trace's section. */
    public Rgb sectionBand() {
        return sectionBand;
    }

    /** The playhead ("now") line and the box behind its time. */
    public Rgb nowLine() {
        return nowLine;
    }

    /** The time written on the playhead's box. */
    public Rgb nowLabelText() {
        return nowLabelText;
    }

    /** The marker of a rejected request. */
    public Rgb rejected() {
        return rejected;
    }

    /** The faint outline of a request's time alone on the server (its single-user baseline), behind its row. */
    public Rgb ghost() {
        return ghost;
    }

    /**
     * The colour of a policy in charts, as in the window, by its style key:
     * Okabe–Ito vermillion for {@code sync}, bluish green for {@code event-loop}.
     */
    public Rgb policy(io.interleave.scenario.Policy policy) {
        return switch (policy.styleKey()) {
            case "sync" -> OI_VERMILLION;
            case "event-loop" -> OI_BLUISH_GREEN;
            default -> OI_SKY_BLUE;
        };
    }

    /**
     * The colour of the {@code index}-th compare variant (0 to 3) in charts:
     * vermillion and bluish green first (sync and the event loop by
     * default, as {@link #policy}), then blue (sky blue on dark) and
     * reddish purple; Okabe–Ito, so the four stay apart for colour-blind
     * eyes.
     */
    public Rgb variant(int index) {
        Rgb[] colours = {OI_VERMILLION, OI_BLUISH_GREEN, this == DARK ? OI_SKY_BLUE : OI_BLUE, OI_REDDISH_PURPLE};
        if (index < 0 || index >= colours.length) {
            throw new IllegalArgumentException("variant index must be 0 to " + (colours.length - 1) + ", was " + index);
        }
        return colours[index];
    }

    /** The colour of theory curves in charts. */
    public Rgb theory() {
        return mutedText;
    }

    /** Black or white, whichever reads better on {@code fill}. */
    public Rgb textOn(Rgb fill) {
        return fill.pickTextColour(BLACK, WHITE);
    }

    @Override
    public String toString() {
        return "Palette[" + name + "]";
    }

    private static final class Builder {
        private final String name;
        private final Map<SpanState, Fill> states = new EnumMap<>(SpanState.class);
        private Fill heldWait;
        private Fill wasted;
        private Rgb background;
        private Rgb stripe;
        private Rgb laneBackground;
        private Rgb grid;
        private Rgb axis;
        private Rgb text;
        private Rgb mutedText;
        private Rgb sectionBand;
        private Rgb nowLine;
        private Rgb nowLabelText;
        private Rgb rejected;
        private Rgb ghost;

        Builder(String name) {
            this.name = name;
        }

        Builder state(SpanState state, Fill fill) {
            states.put(state, fill);
            return this;
        }

        Builder heldWait(Fill fill) {
            heldWait = fill;
            return this;
        }

        Builder wasted(Fill fill) {
            wasted = fill;
            return this;
        }

        Builder background(String hex) {
            background = Rgb.hex(hex);
            return this;
        }

        Builder stripe(String hex) {
            stripe = Rgb.hex(hex);
            return this;
        }

        Builder laneBackground(String hex) {
            laneBackground = Rgb.hex(hex);
            return this;
        }

        Builder grid(String hex) {
            grid = Rgb.hex(hex);
            return this;
        }

        Builder axis(String hex) {
            axis = Rgb.hex(hex);
            return this;
        }

        Builder text(String hex) {
            text = Rgb.hex(hex);
            return this;
        }

        Builder mutedText(String hex) {
            mutedText = Rgb.hex(hex);
            return this;
        }

        Builder sectionBand(String hex) {
            sectionBand = Rgb.hex(hex);
            return this;
        }

        Builder nowLine(String hex) {
            nowLine = Rgb.hex(hex);
            return this;
        }

        Builder nowLabelText(String hex) {
            nowLabelText = Rgb.hex(hex);
            return this;
        }

        Builder rejected(Rgb colour) {
            rejected = colour;
            return this;
        }

        Builder ghost(String hex) {
            ghost = Rgb.hex(hex);
            return this;
        }

        Palette build() {
            return new Palette(this);
        }
    }
}

package io.interleave.app.sweep;

import io.interleave.app.timeline.CanvasSurface;
import io.interleave.render.Palette;
import io.interleave.render.SweepChart;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.AccessibleRole;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * Draws a sweep's {@link SweepChart} on a canvas that fills the region, so
 * the window and the exported chart are one painter. Below the chart's
 * minimum size, or with a text scale above 1 (projector mode), the chart is
 * laid out smaller and scaled up.
 */
public final class SweepChartView extends Region {
    private static final double MIN_W = 480;
    private static final double MIN_H = 320;
    /** Scaled up for a projector, the chart is still laid out at least this high, so its plot is not squeezed under the key. */
    private static final double PROJECTOR_MIN_H = 420;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<SweepJob.Outcome> outcome = new SimpleObjectProperty<>(this, "outcome");
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.LIGHT);
    private final DoubleProperty textScale = new SimpleDoubleProperty(this, "textScale", 1);

    public SweepChartView() {
        getStyleClass().add("sweep-chart");
        getChildren().add(canvas);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        setAccessibleText("Sweep chart: no sweep run yet");
        outcome.addListener((obs, old, now) -> repaint());
        palette.addListener((obs, old, now) -> repaint());
        textScale.addListener((obs, old, now) -> repaint());
    }

    public ObjectProperty<SweepJob.Outcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /** 1 normally; larger in projector mode. */
    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The chart as it would be drawn at the canvas's size, or null before a sweep. */
    public SweepChart chart() {
        SweepJob.Outcome o = outcome.get();
        if (o == null || o.result().points().isEmpty()) {
            return null;
        }
        double scale = scale();
        return new SweepChart(o.result(), o.title(),
                Math.max(MIN_W, canvas.getWidth() / scale), Math.max(MIN_H, canvas.getHeight() / scale),
                palette.get() == null ? Palette.LIGHT : palette.get());
    }

    private double scale() {
        double s = Math.max(1, textScale.get());
        // the plot keeps some height: a projector's scale gives way (down to 1) before the chart is laid out shorter than this
        s = Math.min(s, Math.max(1, canvas.getHeight() / PROJECTOR_MIN_H));
        // never lay out smaller than the chart's minimum: then scale only as far as fits
        return Math.max(0.1, Math.min(s, Math.min(canvas.getWidth() / MIN_W, canvas.getHeight() / MIN_H)));
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            repaint();
        }
        canvas.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 960;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 560;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 240;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 160;
    }

    /** Paints the chart, or only the background before a sweep. */
    public void repaint() {
        GraphicsContext gc = canvas.getGraphicsContext2D();
        Palette p = palette.get() == null ? Palette.LIGHT : palette.get();
        CanvasSurface surface = new CanvasSurface(gc);
        gc.save();
        gc.setTransform(1, 0, 0, 1, 0, 0);
        surface.fillRect(0, 0, canvas.getWidth(), canvas.getHeight(), p.background());
        SweepChart chart = canvas.getWidth() < 1 || canvas.getHeight() < 1 ? null : chart();
        if (chart != null) {
            double scale = Math.min(canvas.getWidth() / chart.width(), canvas.getHeight() / chart.height());
            gc.scale(scale, scale);
            chart.paint(surface);
            setAccessibleText("Sweep chart: " + chart.title() + ". " + SweepViewModel.summary(outcome.get()));
        }
        gc.restore();
    }
}

package io.interleave.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import io.interleave.engine.Simulation;
import io.interleave.render.Palette;
import io.interleave.render.ViewMode;
import io.interleave.scenario.Policy;
import io.interleave.scenario.Presets;
import io.interleave.scenario.Scenario;
import io.interleave.trace.Trace;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Copy Image and the code: the same picture as Export with Code ticked, pixel for pixel, no display needed. */
class CopyImageCodeTest {
    private static final Scenario THREE = Presets.load("three-requests").orElseThrow();
    private static final List<Trace> BOTH = List.of(Simulation.trace(THREE), Simulation.trace(THREE.withPolicy(Policy.EVENT_LOOP)));

    private final List<BufferedImage> copied = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();

    private ExportViewModel export() {
        ExportViewModel export = new ExportViewModel(new ReadOnlyObjectWrapper<>(BOTH).getReadOnlyProperty(),
                new SimpleObjectProperty<>(ViewMode.REQUESTS));
        export.useClipboard(copied::add);
        export.useNotices(notices::add);
        return export;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    @DisplayName("with the code view closed Copy Image is the timeline alone, as before")
    void withoutCodeView() {
        ExportViewModel export = export();
        assertThat(export.copyImage()).isTrue();
        ExportPicture plain = new ExportPicture(BOTH, ViewMode.REQUESTS, ExportViewModel.WIDTH, 1, Palette.LIGHT, false, Optional.empty());
        assertThat(copied.get(0).getHeight()).isEqualTo((int) Math.round(Math.ceil(plain.height()) * 2));
        assertThat(notices).containsExactly("Copied the picture (3200 x " + copied.get(0).getHeight() + ") to the clipboard");
    }

    @Test
    @DisplayName("with the code view open Copy Image puts the handlers under the timeline: Export's picture with Code ticked")
    void withCodeViewOpen() {
        ExportViewModel export = export();
        export.codeShownProperty().set(true);
        assertThat(export.copyImage()).isTrue();
        ExportPicture withCode = export.picture(new ExportOptions(2, false, true));
        ExportPicture plain = export.picture(new ExportOptions(2, false, false));
        BufferedImage image = copied.get(0);
        assertThat(image.getHeight()).isEqualTo((int) Math.round(Math.ceil(withCode.height()) * 2))
                .isGreaterThan((int) Math.round(Math.ceil(plain.height()) * 2) + 200);
        assertThat(pixels(image)).isEqualTo(pixels(withCode.raster(2).image()));
        assertThat(notices).containsExactly("Copied the picture with the code (3200 x " + image.getHeight() + ") to the clipboard");
        // closing the view again: the plain picture
        export.codeShownProperty().set(false);
        export.copyImage();
        assertThat(copied.get(1).getHeight()).isEqualTo((int) Math.round(Math.ceil(plain.height()) * 2));
    }

    @Test
    @DisplayName("the raster of a picture with code is the PNG Export writes (Copy Image used to drop the code)")
    void rasterHoldsTheCode() throws Exception {
        ExportPicture withCode = new ExportPicture(BOTH, ViewMode.REQUESTS, 1600, 1, Palette.LIGHT, false, Optional.empty(), true);
        BufferedImage fromPng = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(withCode.png(1)));
        BufferedImage raster = withCode.raster(1).image();
        assertThat(raster.getHeight()).isEqualTo(fromPng.getHeight());
        assertThat(pixels(raster)).isEqualTo(pixels(fromPng));
    }
}

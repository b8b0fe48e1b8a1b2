package io.fairshare.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesPlotTest {
    @TempDir
    Path temp;

    @Test
    void eachPanelIsDrawnWithItsSeriesInTheirColours() throws Exception {
        Path png = temp.resolve("plot.png");
        double[] t = {0, 1, 2, 3, 4};
        TimeSeriesPlot.write(png, "test", List.of(
                new TimeSeriesPlot.Panel("rate", "events/s", List.of(new TimeSeriesPlot.Series("a", t, new double[] {0, 10, 20, 10, 0}))),
                new TimeSeriesPlot.Panel("lag", "records", List.of(new TimeSeriesPlot.Series("b", t, new double[] {5, 5, 5, 5, 5}),
                        new TimeSeriesPlot.Series("c", t, new double[] {0, 1, 2, 3, 4})))));
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1100, image.getWidth());
        assertEquals(40 + 2 * (300 + 40) + 10, image.getHeight());
        assertTrue(count(image, 0x1f77b4) > 100, "the first series of each panel is blue");
        assertTrue(count(image, 0xd62728) > 100, "the second series of the lag panel is red");
    }

    @Test
    void axesEndOnRoundNumbers() {
        assertEquals(1, TimeSeriesPlot.niceCeiling(1));
        assertEquals(2.5, TimeSeriesPlot.niceCeiling(2.1));
        assertEquals(50_000, TimeSeriesPlot.niceCeiling(41_234));
        assertEquals(100_000, TimeSeriesPlot.niceCeiling(51_000));
    }

    @Test
    void aSeriesNeedsATimeForEveryValue() {
        assertThrows(IllegalArgumentException.class, () -> new TimeSeriesPlot.Series("x", new double[] {0, 1}, new double[] {1}));
    }

    private static int count(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}

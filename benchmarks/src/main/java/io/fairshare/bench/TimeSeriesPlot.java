package io.fairshare.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of time series in stacked panels (x: seconds since the start of the run), drawn with the JDK's own
 * imaging so that a benchmark needs no plotting tool. Each panel has its own y axis from 0 to its maximum.
 */
final class TimeSeriesPlot {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0x17becf)};
    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 90;
    private static final int RIGHT = 260;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;

    record Series(String label, double[] seconds, double[] values) {
        Series {
            if (seconds.length != values.length) {
                throw new IllegalArgumentException(label + ": " + seconds.length + " times but " + values.length + " values");
            }
        }
    }

    record Panel(String title, String yUnit, List<Series> series) {
    }

    private TimeSeriesPlot() {
    }

    static void write(Path png, String title, List<Panel> panels) throws IOException {
        int height = TOP + panels.size() * (PANEL_HEIGHT + BOTTOM) + 10;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 24);
            double maxSeconds = panels.stream().flatMap(p -> p.series().stream())
                    .mapToDouble(s -> s.seconds().length == 0 ? 0 : s.seconds()[s.seconds().length - 1]).max().orElse(1);
            for (int i = 0; i < panels.size(); i++) {
                drawPanel(g, panels.get(i), TOP + i * (PANEL_HEIGHT + BOTTOM), Math.max(1, maxSeconds));
            }
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    private static void drawPanel(Graphics2D g, Panel panel, int top, double maxSeconds) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        double maxValue = panel.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.values())).max().orElse(1);
        maxValue = niceCeiling(Math.max(maxValue, 1));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(panel.title() + " (" + panel.yUnit() + ")", LEFT, top + 14);
        int y0 = top + 20;
        int bottom = top + PANEL_HEIGHT;
        g.setColor(new Color(0xdddddd));
        for (int k = 0; k <= 4; k++) {
            int y = bottom - (bottom - y0) * k / 4;
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, y0, plotWidth, bottom - y0);
        for (int k = 0; k <= 4; k++) {
            int y = bottom - (bottom - y0) * k / 4;
            String label = String.format("%,.0f", maxValue * k / 4);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        for (int k = 0; k <= 5; k++) {
            int x = LEFT + plotWidth * k / 5;
            String label = String.format("%.0f s", maxSeconds * k / 5);
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        g.setStroke(new BasicStroke(1.8f));
        int legendY = y0 + 14;
        for (int s = 0; s < panel.series().size(); s++) {
            Series series = panel.series().get(s);
            g.setColor(PALETTE[s % PALETTE.length]);
            int px = -1;
            int py = -1;
            for (int i = 0; i < series.values().length; i++) {
                int x = LEFT + (int) Math.round(plotWidth * series.seconds()[i] / maxSeconds);
                int y = bottom - (int) Math.round((bottom - y0) * series.values()[i] / maxValue);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(LEFT + plotWidth + 12, legendY - 8, 12, 8);
            g.setColor(Color.BLACK);
            g.drawString(series.label(), LEFT + plotWidth + 30, legendY);
            legendY += 18;
        }
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}

package io.github.keras4j.examples.lessons;

import io.github.keras4j.examples.playground.Example2D;
import io.github.keras4j.examples.playground.PlaygroundNetwork;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid of Playground panels as one PNG: each the network's output over [-6, 6]² in the Playground's colours
 * (orange -1, grey 0, blue +1), its training points (white rim) and test points (black rim), axes X₁ and X₂ with
 * ticks, a title, and one colour legend under the grid.
 */
final class PlaygroundRegions {
    static final int COLUMNS = 4;
    static final int MAP = 200;
    static final int LEFT = 34;
    static final int TOP = 46;
    static final int CELL_WIDTH = LEFT + MAP + 12;
    static final int CELL_HEIGHT = TOP + MAP + 30;
    static final int LEGEND = 50;
    static final double DOMAIN = 6;

    /** One panel: a title, the trained network and the points it saw and was tested on. */
    record Panel(String title, PlaygroundNetwork network, List<Example2D> train, List<Example2D> test) {
    }

    private PlaygroundRegions() {
    }

    /** The Playground's colour scale, clamped to [-1, 1]. */
    static Color colour(double v) {
        int[] lo = {0xf5, 0x93, 0x22};
        int[] mid = {0xe8, 0xea, 0xeb};
        int[] hi = {0x08, 0x77, 0xbd};
        double t = Math.max(-1, Math.min(1, Double.isNaN(v) ? 0 : v));
        int[] end = t < 0 ? lo : hi;
        double f = Math.abs(t);
        return new Color((int) Math.round(mid[0] + (end[0] - mid[0]) * f), (int) Math.round(mid[1] + (end[1] - mid[1]) * f),
                (int) Math.round(mid[2] + (end[2] - mid[2]) * f));
    }

    static void write(List<Panel> panels, Path file) throws IOException {
        int columns = Math.min(COLUMNS, Math.max(1, panels.size()));
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage img = new BufferedImage(columns * CELL_WIDTH, rows * CELL_HEIGHT + LEGEND, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int k = 0; k < panels.size(); k++) {
            draw(g, panels.get(k), (k % columns) * CELL_WIDTH, (k / columns) * CELL_HEIGHT);
        }
        legend(g, 12, rows * CELL_HEIGHT + 8);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static int px(double x) {
        return (int) Math.round((x + DOMAIN) / (2 * DOMAIN) * MAP);
    }

    private static void draw(Graphics2D g, Panel p, int x0, int y0) {
        int ox = x0 + LEFT;
        int oy = y0 + TOP;
        int cells = 50;
        List<Example2D> grid = new ArrayList<>();
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                grid.add(new Example2D(-DOMAIN + 2 * DOMAIN * (c + 0.5) / cells, DOMAIN - 2 * DOMAIN * (r + 0.5) / cells, 0));
            }
        }
        double[] out = p.network().predict(grid);
        int size = MAP / cells;
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < cells; c++) {
                g.setColor(colour(out[r * cells + c]));
                g.fillRect(ox + c * size, oy + r * size, size, size);
            }
        }
        for (Example2D e : p.test()) {
            dot(g, ox, oy, e, Color.BLACK);
        }
        for (Example2D e : p.train()) {
            dot(g, ox, oy, e, Color.WHITE);
        }
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(ox, oy, MAP, MAP);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int t = -6; t <= 6; t += 3) {
            g.drawString(Integer.toString(t), ox + px(t) - 4, oy + MAP + 12);
            g.drawString(Integer.toString(t), ox - 18, oy + MAP - px(t) + 4);
        }
        g.drawString("X\u2081", ox + MAP / 2 - 4, oy + MAP + 25);
        g.drawString("X\u2082", x0 + 2, oy + MAP / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        String[] title = p.title().split("\n");
        for (int i = 0; i < title.length; i++) {
            g.drawString(title[i], x0 + 4, y0 + 13 + i * 13);
        }
    }

    private static void dot(Graphics2D g, int ox, int oy, Example2D e, Color rim) {
        int x = ox + px(e.x());
        int y = oy + MAP - px(e.y());
        if (x < ox || x > ox + MAP || y < oy || y > oy + MAP) {
            return;
        }
        g.setColor(colour(e.label()));
        g.fillOval(x - 3, y - 3, 6, 6);
        g.setColor(rim);
        g.drawOval(x - 3, y - 3, 6, 6);
    }

    private static void legend(Graphics2D g, int x, int y) {
        for (int i = 0; i <= 200; i++) {
            g.setColor(colour(i / 100.0 - 1));
            g.fillRect(x + i, y, 1, 12);
        }
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("-1", x - 2, y + 26);
        g.drawString("0", x + 97, y + 26);
        g.drawString("+1", x + 192, y + 26);
        g.drawString("network output and point labels (orange -1, blue +1); white rim: training point, black rim: test point",
                x + 220, y + 11);
    }
}

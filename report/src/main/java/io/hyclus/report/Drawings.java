package io.hyclus.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The figures no chart library draws: Ward dendrograms and SOM hit maps, painted once through {@link Graphics2D}
 * into a PNG image and into an SVG (VectorGraphics2D, which XChart brings).
 */
final class Drawings {
    private Drawings() {
    }

    interface Painter {
        void paint(Graphics2D g);
    }

    static Figure render(String name, String caption, int w, int h, Painter p) {
        try {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            p.paint(g);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(img, "png", png);
            VectorGraphics2D v = new VectorGraphics2D();
            v.setColor(Color.WHITE);
            v.fillRect(0, 0, w, h);
            p.paint(v);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            new SVGProcessor().getDocument(v.getCommands(), new PageSize(0, 0, w, h)).writeTo(svg);
            return new Figure(name, caption, png.toByteArray(), svg.toByteArray());
        } catch (IOException e) {
            throw new ReportException("cannot render figure " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * A dendrogram: leaves along the bottom labelled (rotated) and coloured by {@code leafClass}, merge heights up.
     */
    static Figure dendrogram(String name, String caption, String title, Ward ward, List<String> leafLabels,
                             int[] leafClass, List<String> classNames) {
        int w = 1000;
        int h = 560;
        return render(name, caption, w, h, g -> {
            int left = 70;
            int right = w - 150;
            int top = 50;
            int bottom = h - 140;
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, left, 28);
            int n = ward.n();
            int[] order = ward.leafOrder();
            double[] x = new double[2 * n - 1];
            double[] y = new double[2 * n - 1];
            double maxH = ward.height()[n - 2] > 0 ? ward.height()[n - 2] : 1;
            for (int i = 0; i < n; i++) {
                x[order[i]] = left + (i + 0.5) * (right - left) / n;
                y[order[i]] = bottom;
            }
            g.setStroke(new BasicStroke(1.2f));
            for (int m = 0; m < n - 1; m++) {
                int a = ward.left()[m];
                int b = ward.right()[m];
                int c = n + m;
                x[c] = (x[a] + x[b]) / 2;
                y[c] = bottom - ward.height()[m] / maxH * (bottom - top);
                g.setColor(new Color(0x333333));
                g.drawLine((int) x[a], (int) y[a], (int) x[a], (int) y[c]);
                g.drawLine((int) x[b], (int) y[b], (int) x[b], (int) y[c]);
                g.drawLine((int) x[a], (int) y[c], (int) x[b], (int) y[c]);
            }
            g.setColor(Color.BLACK);
            g.drawLine(left - 10, top, left - 10, bottom);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int t = 0; t <= 4; t++) {
                int yy = (int) (bottom - t / 4.0 * (bottom - top));
                g.drawLine(left - 14, yy, left - 10, yy);
                g.drawString(String.format(Locale.ROOT, "%.3g", maxH * t / 4), 8, yy + 4);
            }
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, n > 60 ? 8 : 10);
            for (int i = 0; i < n; i++) {
                int leaf = order[i];
                g.setColor(Palette.colour(leafClass[leaf]));
                AffineTransform at = g.getTransform();
                g.translate(x[leaf] + 3, bottom + 6);
                g.rotate(Math.PI / 2);
                g.setFont(small);
                g.drawString(leafLabels.get(leaf), 0, 0);
                g.setTransform(at);
            }
            legend(g, classNames, right + 20, top);
        });
    }

    /**
     * A SOM hit map: each node a square whose area is proportional to its hits, coloured by the class most of its
     * points have; the hit count written inside.
     */
    static Figure somHits(String name, String caption, String title, Som som, int[] pointClass, List<String> classNames) {
        int cell = 64;
        int w = som.cols() * cell + 260;
        int h = som.rows() * cell + 90;
        return render(name, caption, w, h, g -> {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, 20, 28);
            int nodes = som.rows() * som.cols();
            int[] hits = new int[nodes];
            int[][] byClass = new int[nodes][classNames.size()];
            for (int i = 0; i < som.bmu().length; i++) {
                hits[som.bmu()[i]]++;
                byClass[som.bmu()[i]][pointClass[i]]++;
            }
            int max = 1;
            for (int x : hits) {
                max = Math.max(max, x);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            for (int node = 0; node < nodes; node++) {
                int x0 = 20 + node % som.cols() * cell;
                int y0 = 50 + node / som.cols() * cell;
                g.setColor(new Color(0xeeeeee));
                g.drawRect(x0, y0, cell, cell);
                if (hits[node] == 0) {
                    continue;
                }
                int top = 0;
                for (int c = 1; c < classNames.size(); c++) {
                    top = byClass[node][c] > byClass[node][top] ? c : top;
                }
                int side = (int) Math.max(4, Math.round((cell - 6) * Math.sqrt(hits[node] / (double) max)));
                g.setColor(Palette.colour(top));
                g.fillRect(x0 + (cell - side) / 2, y0 + (cell - side) / 2, side, side);
                g.setColor(Color.BLACK);
                g.drawString(Integer.toString(hits[node]), x0 + 3, y0 + 12);
            }
            legend(g, classNames, som.cols() * cell + 40, 50);
        });
    }

    private static void legend(Graphics2D g, List<String> names, int x, int y) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < names.size(); i++) {
            g.setColor(Palette.colour(i));
            g.fillRect(x, y + i * 18, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 18, y + i * 18 + 11);
        }
    }
}

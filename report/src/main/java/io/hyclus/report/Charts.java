package io.hyclus.report;

import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The report's XChart figures: line charts, scatter maps with class names at the class medians, encoded to PNG + SVG. */
final class Charts {
    static final int WIDTH = 720;
    static final int HEIGHT = 460;

    /** A named line: x and y of equal length. */
    record Line(String name, double[] x, double[] y) {
    }

    /** A class of points in a 2-D map. */
    record Group(String name, double[] x, double[] y) {
    }

    private Charts() {
    }

    static Figure lines(String name, String caption, String title, String xTitle, String yTitle, List<Line> lines,
                        boolean markers) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        style(c);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisDecimalPattern("#");
        int i = 0;
        for (Line l : lines) {
            XYSeries s = c.addSeries(l.name(), l.x(), l.y());
            s.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            s.setLineColor(Palette.colour(i));
            s.setMarkerColor(Palette.colour(i));
            i++;
        }
        return encode(name, caption, c);
    }

    /** A map coloured by class; each class's name is written at the median of its points. */
    static Figure scatter(String name, String caption, String title, List<Group> groups, int colourOffset,
                          Map<String, Integer> colourOf) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT + 60).title(title).xAxisTitle("t-SNE 1")
                .yAxisTitle("t-SNE 2").build();
        style(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Group g : groups) {
            if (g.x().length == 0) {
                continue;
            }
            XYSeries s = c.addSeries(g.name(), g.x(), g.y());
            int idx = colourOf.getOrDefault(g.name(), colourOffset);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Palette.translucent(idx, 140));
        }
        for (Group g : groups) {
            if (g.x().length > 0) {
                AnnotationText t = new AnnotationText(g.name(), median(g.x()), median(g.y()), false);
                c.addAnnotation(t);
            }
        }
        c.getStyler().setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        c.getStyler().setAnnotationTextFontColor(Color.BLACK);
        return encode(name, caption, c);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static void style(XYChart c) {
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        c.getStyler().setLegendBorderColor(Color.WHITE);
        c.getStyler().setAntiAlias(true);
    }

    static Figure encode(String name, String caption, Chart<?, ?> chart) {
        try {
            byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            return new Figure(name, caption, png, svg.toByteArray());
        } catch (IOException e) {
            throw new ReportException("cannot render figure " + name + ": " + e.getMessage(), e);
        }
    }
}

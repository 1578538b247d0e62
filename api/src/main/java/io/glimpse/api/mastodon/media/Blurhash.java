package io.glimpse.api.mastodon.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The BlurHash (blurha.sh) of an image: a short text that clients decode into a blurred
 * placeholder while the image loads, as Mastodon's MediaAttachment carries it. The algorithm is
 * the reference one (sums of cosine components in linear RGB, quantised, base 83); it runs on a
 * 32 px copy, which gives the same few components at a fraction of the work.
 */
final class Blurhash {

    private static final String BASE83 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";
    private static final int SAMPLE_SIDE = 32;

    private Blurhash() {
    }

    static String encode(BufferedImage image, int componentsX, int componentsY) {
        BufferedImage small = shrink(image);
        int width = small.getWidth();
        int height = small.getHeight();
        double[][] factors = new double[componentsX * componentsY][];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                factors[j * componentsX + i] = factor(small, width, height, i, j);
            }
        }
        StringBuilder hash = new StringBuilder();
        base83(hash, (componentsX - 1) + (componentsY - 1) * 9, 1);
        double maximum = 1;
        if (factors.length > 1) {
            double actualMaximum = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double value : factors[k]) {
                    actualMaximum = Math.max(actualMaximum, Math.abs(value));
                }
            }
            int quantised = (int) Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5)));
            maximum = (quantised + 1) / 166.0;
            base83(hash, quantised, 1);
        } else {
            base83(hash, 0, 1);
        }
        double[] dc = factors[0];
        base83(hash, (toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            base83(hash, quantise(ac[0], maximum) * 19 * 19 + quantise(ac[1], maximum) * 19 + quantise(ac[2], maximum), 2);
        }
        return hash.toString();
    }

    private static double[] factor(BufferedImage image, int width, int height, int i, int j) {
        double r = 0;
        double g = 0;
        double b = 0;
        double normalisation = i == 0 && j == 0 ? 1 : 2;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double basis = Math.cos(Math.PI * i * x / width) * Math.cos(Math.PI * j * y / height);
                int rgb = image.getRGB(x, y);
                r += basis * toLinear((rgb >> 16) & 0xFF);
                g += basis * toLinear((rgb >> 8) & 0xFF);
                b += basis * toLinear(rgb & 0xFF);
            }
        }
        double scale = normalisation / (width * height);
        return new double[] {r * scale, g * scale, b * scale};
    }

    private static int quantise(double value, double maximum) {
        double scaled = Math.copySign(Math.pow(Math.abs(value / maximum), 0.5), value);
        return (int) Math.max(0, Math.min(18, Math.floor(scaled * 9 + 9.5)));
    }

    private static double toLinear(int value) {
        double v = value / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static int toSrgb(double value) {
        double v = Math.max(0, Math.min(1, value));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void base83(StringBuilder out, int value, int length) {
        for (int i = 1; i <= length; i++) {
            int digit = (int) (value / Math.pow(83, length - i)) % 83;
            out.append(BASE83.charAt(digit));
        }
    }

    private static BufferedImage shrink(BufferedImage image) {
        int width = Math.max(1, Math.min(SAMPLE_SIDE, image.getWidth()));
        int height = Math.max(1, Math.min(SAMPLE_SIDE, image.getHeight()));
        BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = small.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return small;
    }
}

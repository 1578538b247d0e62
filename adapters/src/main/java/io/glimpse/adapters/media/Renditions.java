package io.glimpse.adapters.media;

/**
 * The versions stored for every uploaded image; the original is not kept.
 *
 * @param display   for the full-screen view: longest side at most 2048 pixels
 * @param feed      for timelines: at most 1080 pixels wide, and never larger than {@code display}
 * @param thumbnail for grids and avatars: the centre square, at most 320 x 320 pixels
 */
public record Renditions(Rendition display, Rendition feed, Rendition thumbnail) {
}

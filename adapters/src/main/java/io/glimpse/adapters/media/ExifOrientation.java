package io.glimpse.adapters.media;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Cameras store pixels as the sensor saw them and record how to turn them upright in the EXIF
 * Orientation tag. The renditions carry no metadata, so the turn has to be made in their pixels.
 * Only JPEG is read: it is what cameras write, and JPEG's EXIF lives in small bounded segments,
 * whereas reading metadata from PNG means inflating compressed text chunks of any size.
 */
final class ExifOrientation {

    private static final int UPRIGHT = 1;

    private ExifOrientation() {
    }

    static BufferedImage upright(BufferedImage image, ImageFormat format, byte[] original) {
        Orientation orientation = Orientation.typeOf(format == ImageFormat.JPEG ? read(original) : UPRIGHT);
        if (orientation == null || orientation == Orientation.TOP_LEFT) {
            return image;
        }
        return ExifFilterUtils.getFilterForOrientation(orientation).apply(image);
    }

    /** A broken or missing tag leaves the image as stored: the pixels are still good. */
    private static int read(byte[] jpeg) {
        try {
            Metadata metadata = JpegMetadataReader.readMetadata(new ByteArrayInputStream(jpeg), List.of(new ExifReader()));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : UPRIGHT;
        } catch (ImageProcessingException | IOException | MetadataException e) {
            return UPRIGHT;
        }
    }
}

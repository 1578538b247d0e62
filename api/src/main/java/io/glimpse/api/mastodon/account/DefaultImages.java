package io.glimpse.api.mastodon.account;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The picture of accounts without an avatar, and every header: Mastodon's entities always carry
 * image URLs, and many clients do not expect {@code null} there.
 */
@RestController("mastodonDefaultImages")
class DefaultImages {

    private final byte[] missing = grey();

    @GetMapping(AccountMapper.MISSING_IMAGE)
    ResponseEntity<byte[]> missing() {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
                .body(missing);
    }

    private static byte[] grey() {
        BufferedImage image = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(0xC8, 0xCC, 0xD2));
        graphics.fillRect(0, 0, 120, 120);
        graphics.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

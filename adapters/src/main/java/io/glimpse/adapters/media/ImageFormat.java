package io.glimpse.adapters.media;

import java.util.Arrays;
import java.util.Optional;

/**
 * The accepted image formats, each recognised by its signature, the bytes every file of the
 * format starts with. Never by file name or declared content type: both are the client's word,
 * and a decoder fed the wrong format is a decoder fed garbage.
 */
public enum ImageFormat {

    JPEG("image/jpeg", new int[] {0xFF, 0xD8, 0xFF}),
    PNG("image/png", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
    GIF("image/gif", new int[] {'G', 'I', 'F', '8', '7', 'a'}, new int[] {'G', 'I', 'F', '8', '9', 'a'}),
    /** A RIFF container (whose next four bytes are its length) holding WebP. */
    WEBP("image/webp", new int[] {'R', 'I', 'F', 'F', ImageFormat.ANY, ImageFormat.ANY, ImageFormat.ANY,
            ImageFormat.ANY, 'W', 'E', 'B', 'P'});

    /** How many leading bytes {@link #of(byte[])} needs to tell every format apart. */
    public static final int SIGNATURE_LENGTH = 12;

    private static final int ANY = -1;

    private final String contentType;
    private final int[][] signatures;

    ImageFormat(String contentType, int[]... signatures) {
        this.contentType = contentType;
        this.signatures = signatures;
    }

    public String contentType() {
        return contentType;
    }

    /** The format whose signature the bytes start with, if any. */
    public static Optional<ImageFormat> of(byte[] head) {
        return Arrays.stream(values()).filter(format -> format.matches(head)).findFirst();
    }

    private boolean matches(byte[] head) {
        return Arrays.stream(signatures).anyMatch(signature -> startsWith(head, signature));
    }

    private static boolean startsWith(byte[] head, int[] signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] != ANY && (head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}

package io.glimpse.api.security;

import io.glimpse.api.config.GlimpseProperties;
import io.jsonwebtoken.security.Keys;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key that signs access tokens. Configured with {@code glimpse.security.jwt-secret} in
 * production; on the embedded default generated once and kept in the data directory (readable by
 * its owner only), so tokens survive restarts and no secret is ever in the code.
 */
@Component
public class JwtSigningKey {

    static final int MIN_SECRET_BYTES = 32;
    private static final String SECRET_FILE = "jwt-secret";

    private final SecretKey key;

    JwtSigningKey(GlimpseProperties properties) {
        String configured = properties.security().jwtSecret();
        byte[] secret = configured == null || configured.isBlank()
                ? secretFromDataDirectory(properties.dataDir())
                : configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("glimpse.security.jwt-secret must be at least "
                    + MIN_SECRET_BYTES + " bytes long");
        }
        this.key = Keys.hmacShaKeyFor(secret);
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] secretFromDataDirectory(Path dataDir) {
        Path file = dataDir.resolve(SECRET_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                writeNewSecret(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the signing key " + file, e);
        }
    }

    private static void writeNewSecret(Path file) throws IOException {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        try {
            Files.createFile(file);
        } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
            return;
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps the data directory's permissions
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(secret));
    }
}

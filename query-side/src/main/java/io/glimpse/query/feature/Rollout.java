package io.glimpse.query.feature;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Which users a rollout percentage takes in. Each user has a bucket 0-99 per flag, from a SHA-256
 * of the flag's name and the user's id: the same on every node and after every restart, so a user
 * keeps the feature while the percentage stays or rises, and raising it only adds users. The
 * flag's name is part of the hash so that the first 10% of one flag are not the first 10% of all.
 */
public final class Rollout {

    private Rollout() {
    }

    public static int bucket(String flag, UUID userId) {
        byte[] digest = sha256().digest((flag + ":" + userId).getBytes(StandardCharsets.UTF_8));
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), 100);
    }

    public static boolean includes(String flag, UUID userId, int percentage) {
        return bucket(flag, userId) < percentage;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

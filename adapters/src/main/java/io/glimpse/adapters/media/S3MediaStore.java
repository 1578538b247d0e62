package io.glimpse.adapters.media;

import io.glimpse.query.media.MediaNotFoundException;
import io.glimpse.query.media.MediaStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.util.List;

/**
 * Keeps media as objects in one S3 bucket (or MinIO, or any S3-compatible store), so that
 * application instances share it and a CDN can serve it. A single PUT replaces an object
 * atomically, which is the same guarantee the local store gives.
 */
public class S3MediaStore implements MediaStore {

    /** The most keys one listing page returns and one DeleteObjects call accepts. */
    static final int MAX_BATCH = 1000;

    private final S3Client s3;
    private final String bucket;
    private final String publicBaseUrl;
    private final int batchSize;

    public S3MediaStore(S3Client s3, String bucket, String publicBaseUrl) {
        this(s3, bucket, publicBaseUrl, MAX_BATCH);
    }

    /** With small batches a test can cross page boundaries without storing thousands of objects. */
    S3MediaStore(S3Client s3, String bucket, String publicBaseUrl, int batchSize) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("A bucket is required");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("Batch size must be between 1 and " + MAX_BATCH);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.publicBaseUrl = KeyRules.baseUrl(publicBaseUrl);
        this.batchSize = batchSize;
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(KeyRules.requireKey(key)).contentType(contentType),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public InputStream open(String key) {
        try {
            return s3.getObject(request -> request.bucket(bucket).key(KeyRules.requireKey(key)));
        } catch (NoSuchKeyException e) {
            throw new MediaNotFoundException(key, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(request -> request.bucket(bucket).key(KeyRules.requireKey(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // A HEAD response has no body, so some stores' 404 arrives without the NoSuchKey code.
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(KeyRules.requireKey(key)));
    }

    /**
     * Deletes page by page as the listing goes: a continuation token marks a position in key
     * order, so removing keys already listed does not disturb the pages still to come.
     */
    @Override
    public void deleteAll(String prefix) {
        KeyRules.requirePrefix(prefix);
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(
                request -> request.bucket(bucket).prefix(prefix).maxKeys(batchSize))) {
            if (page.hasContents() && !page.contents().isEmpty()) {
                deleteBatch(page.contents());
            }
        }
    }

    @Override
    public String publicUrl(String key) {
        return KeyRules.publicUrl(publicBaseUrl, key);
    }

    /** DeleteObjects answers 200 even when some keys failed: the failures are in its body. */
    private void deleteBatch(List<S3Object> objects) {
        List<ObjectIdentifier> keys = objects.stream()
                .map(object -> ObjectIdentifier.builder().key(object.key()).build())
                .toList();
        DeleteObjectsResponse response = s3.deleteObjects(request -> request.bucket(bucket)
                .delete(delete -> delete.objects(keys).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("S3 did not delete %d of %d objects, first %s: %s".formatted(
                    response.errors().size(), keys.size(), response.errors().get(0).key(),
                    response.errors().get(0).message()));
        }
    }
}

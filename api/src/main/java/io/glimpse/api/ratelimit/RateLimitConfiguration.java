package io.glimpse.api.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.web.servlet.HandlerExceptionResolver;

import java.time.Duration;

/** The rate limiter on the store named by {@code glimpse.rate-limits.store}, and its filter. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** How long a full bucket stays in Redis after it would have refilled completely. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties, ObjectProvider<RedisConnectionFactory> redis,
                                    MeterRegistry registry,
                                    @Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
        RateLimiter limiter = new RateLimiter(properties, store(properties, redis), registry);
        return new RateLimitFilter(properties.enabled(), limiter, problems);
    }

    /** The filter runs inside the security filter chain only, not once more in the servlet container's. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterOnlyInTheSecurityChain(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    private static RateLimitStore store(RateLimitProperties properties, ObjectProvider<RedisConnectionFactory> redis) {
        return switch (properties.store()) {
            case "local" -> new LocalRateLimitStore();
            case "redis" -> new RedisRateLimitStore(() -> connect(redis.getObject(), properties.redisTimeout()),
                    properties.redisKeyPrefix(), new LocalRateLimitStore());
            default -> throw new IllegalStateException("glimpse.rate-limits.store must be local or redis, not "
                    + properties.store());
        };
    }

    /**
     * Bucket4j's Lettuce buckets on a connection of their own from the Lettuce client that Spring
     * Boot configured from {@code spring.data.redis.*} (host, port, password, TLS, Sentinel or
     * Cluster); the client, and with it this connection, is closed with the application.
     */
    static ProxyManager<byte[]> connect(RedisConnectionFactory factory, Duration timeout) {
        if (!(factory instanceof LettuceConnectionFactory lettuce)) {
            throw new IllegalStateException("Rate limits in Redis need the Lettuce client, not "
                    + factory.getClass().getName());
        }
        AbstractRedisClient client = lettuce.getRequiredNativeClient();
        var builder = client instanceof RedisClusterClient cluster
                ? Bucket4jLettuce.casBasedBuilder(cluster)
                : Bucket4jLettuce.casBasedBuilder((RedisClient) client);
        return builder
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .requestTimeout(timeout)
                .build();
    }
}

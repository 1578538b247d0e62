package io.glimpse.api.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies accepted (prefix {@code glimpse.request-limits}), checked before a
 * byte is read ({@link BodyLimitFilter}). Multipart uploads have their own limits
 * ({@code spring.servlet.multipart.*}).
 *
 * @param authBody bodies of the sign-in and sign-up endpoints, which anyone may call without a token
 * @param body     every other body that is not a multipart upload
 */
@ConfigurationProperties("glimpse.request-limits")
public record BodyLimitProperties(@DefaultValue("16KB") DataSize authBody,
                                  @DefaultValue("1MB") DataSize body) {
}

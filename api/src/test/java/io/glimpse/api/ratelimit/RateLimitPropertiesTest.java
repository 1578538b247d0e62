package io.glimpse.api.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitPropertiesTest {

    @Test
    void theDefaultsAreMastodons() {
        RateLimitProperties defaults = bind(Map.of());
        assertThat(defaults.enabled()).isTrue();
        assertThat(defaults.store()).isEqualTo("local");
        assertThat(defaults.account()).isEqualTo(new Quota(300, Duration.ofMinutes(5)));
        assertThat(defaults.anonymous()).isEqualTo(new Quota(300, Duration.ofMinutes(5)));
        assertThat(defaults.login()).isEqualTo(new Quota(25, Duration.ofMinutes(5)));
        assertThat(defaults.signUp()).isEqualTo(new Quota(5, Duration.ofMinutes(30)));
        assertThat(defaults.uploads()).isEqualTo(new Quota(30, Duration.ofMinutes(30)));
        assertThat(defaults.all()).extracting(RateLimit::name)
                .containsExactly("account", "anonymous", "login", "sign-up", "uploads");
    }

    @Test
    void eachQuotaIsSetAsRequestsPerPeriod() {
        RateLimitProperties properties = bind(Map.of("glimpse.rate-limits.sign-up", "10/1h",
                "glimpse.rate-limits.enabled", "false"));
        assertThat(properties.signUp()).isEqualTo(new Quota(10, Duration.ofHours(1)));
        assertThat(properties.enabled()).isFalse();
    }

    @Test
    void aQuotaThatIsNotOneStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("glimpse.rate-limits.login", "lots")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("requests/period");
    }

    private static RateLimitProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("glimpse.rate-limits", RateLimitProperties.class);
    }
}

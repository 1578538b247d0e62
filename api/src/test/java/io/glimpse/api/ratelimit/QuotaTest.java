package io.glimpse.api.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuotaTest {

    @Test
    void readsRequestsPerPeriodInSpringsDurationFormats() {
        assertThat(Quota.valueOf("300/5m")).isEqualTo(new Quota(300, Duration.ofMinutes(5)));
        assertThat(Quota.valueOf(" 5 / 30m ")).isEqualTo(new Quota(5, Duration.ofMinutes(30)));
        assertThat(Quota.valueOf("1000/PT1H")).isEqualTo(new Quota(1000, Duration.ofHours(1)));
        assertThat(Quota.valueOf("2/90s").periodSeconds()).isEqualTo(90);
    }

    @Test
    void refusesWhatIsNotAQuota() {
        for (String bad : new String[]{"300", "many/5m", "300/soon", "0/5m", "-1/5m", "10/0s", "10/500ms", "/", ""}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> Quota.valueOf(bad));
        }
    }

    @Test
    void describesItselfForPeople() {
        assertThat(Quota.valueOf("25/5m").describe()).isEqualTo("25 requests per 5 minutes");
        assertThat(Quota.valueOf("1/1h").describe()).isEqualTo("1 request per hour");
        assertThat(Quota.valueOf("30/90s").describe()).isEqualTo("30 requests per 90 seconds");
    }
}

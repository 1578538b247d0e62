package io.glimpse.api.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    @Test
    void anIpv4ClientIsCountedByItsAddress() {
        assertThat(ClientAddress.of(from("203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64Network() {
        assertThat(ClientAddress.of(from("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(ClientAddress.of(from("2001:db8:1:2::1"))).isEqualTo(ClientAddress.of(from("2001:db8:1:2::ffff")));
        assertThat(ClientAddress.of(from("2001:db8:1:3::1"))).isNotEqualTo(ClientAddress.of(from("2001:db8:1:2::1")));
        assertThat(ClientAddress.of(from("::ffff:192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void theForwardedForHeaderIsNotTrustedHere() {
        MockHttpServletRequest request = from("198.51.100.1");
        request.addHeader("X-Forwarded-For", "203.0.113.99");
        assertThat(ClientAddress.of(request)).isEqualTo("198.51.100.1");
    }

    @Test
    void somethingThatIsNotAnAddressIsCountedAsItIs() {
        assertThat(ClientAddress.of(from("not:an:address"))).isEqualTo("not:an:address");
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/timeline");
        request.setRemoteAddr(address);
        return request;
    }
}

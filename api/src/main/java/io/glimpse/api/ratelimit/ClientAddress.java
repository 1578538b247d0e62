package io.glimpse.api.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Whom a per-address limit counts: the request's remote address, which is the client's own only
 * when nothing stands between, or when {@code server.forward-headers-strategy} tells Spring to
 * take it from a trusted proxy's {@code X-Forwarded-For} (docs/production.md). Never read
 * from the header here: any client can write it.
 */
final class ClientAddress {

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientAddress() {
    }

    /**
     * An IPv4 address as it is; an IPv6 address as its /64 network, because one home or phone gets
     * a whole /64 and could otherwise take a fresh address, and a fresh budget, for every request.
     */
    static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            // A literal, so no name is looked up.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address ipv6) {
                byte[] network = ipv6.getAddress();
                for (int i = IPV6_NETWORK_BYTES; i < network.length; i++) {
                    network[i] = 0;
                }
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return parsed.getHostAddress(); // an IPv4 address written as IPv6 (::ffff:192.0.2.1)
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}

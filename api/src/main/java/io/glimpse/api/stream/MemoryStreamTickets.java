package io.glimpse.api.stream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.glimpse.api.security.AuthenticatedUser;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;

/** Tickets in this node's memory (the embedded default): Caffeine drops them when they expire. */
class MemoryStreamTickets implements StreamTickets {

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, AuthenticatedUser> tickets;

    MemoryStreamTickets(Duration ttl) {
        this.tickets = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(100_000).build();
    }

    @Override
    public String issue(AuthenticatedUser user) {
        String ticket = StreamTickets.newTicket(random);
        tickets.put(ticket, user);
        return ticket;
    }

    @Override
    public Optional<AuthenticatedUser> redeem(String ticket) {
        return Optional.ofNullable(tickets.asMap().remove(ticket));
    }
}

package org.parley.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * A token bucket per subject (Bucket4j), refilled greedily: {@code requests} per {@code period}, all of which
 * may be spent in a burst. Buckets of subjects that stay away longer than a period are dropped, so the map
 * stays as small as the set of active callers.
 */
public final class RateLimiter {

    private final long requests;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(long requests, Duration period) {
        this.requests = requests;
        this.period = period;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period.multipliedBy(2)).build();
    }

    /** Takes one request from the subject's bucket: empty when allowed, else the seconds until one is available again. */
    public OptionalLong acquire(String subject) {
        ConsumptionProbe probe = buckets.get(subject, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period))
                .build()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}

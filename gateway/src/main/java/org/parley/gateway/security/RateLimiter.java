package org.parley.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;

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

    /** Takes one request from the subject's bucket: 0 when allowed, else the seconds until one is available again. */
    public long acquire(String subject) {
        Bucket bucket = buckets.getIfPresent(subject);
        if (bucket == null) {
            bucket = buckets.get(subject, this::newBucket);
        }
        // The plain tryConsume on every request; the probe (an object per call) only for a refusal's Retry-After.
        if (bucket.tryConsume(1)) {
            return 0;
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    private Bucket newBucket(String subject) {
        return Bucket.builder().addLimit(limit -> limit.capacity(requests).refillGreedy(requests, period)).build();
    }
}

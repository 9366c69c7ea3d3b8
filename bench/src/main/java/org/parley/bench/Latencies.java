package org.parley.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies in an HdrHistogram (microseconds, 3 significant digits), read back in milliseconds. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(1, nanos / 1_000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double percentile(double p) {
        return histogram.getValueAtPercentile(p) / 1000.0;
    }

    String describe() {
        return String.format("p50 %.1f ms, p99 %.1f ms (n=%d)", p50(), p99(), count());
    }
}

package org.parley.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Many clients of the gateway's alert stream in one JVM: the JDK HttpClient over HTTP/1.1, each stream a
 * connection of its own, read line by line without a thread per client. Each alert is timed at every client
 * from the moment the write that raised it was sent.
 */
final class SseClients implements AutoCloseable {

    private final List<HttpClient> clients = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Stream> streams = new ArrayList<>();
    private final AtomicReference<Expected> expected = new AtomicReference<>();

    /** The write being timed: when it was sent, and how many clients are still to see its alert. */
    private record Expected(long sentAt, CountDownLatch remaining, Latencies latencies) {
    }

    private final class Stream implements Flow.Subscriber<String> {

        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger seen = new AtomicInteger();
        volatile Flow.Subscription subscription;
        volatile int waitingFor = Integer.MAX_VALUE;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            open.countDown();
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            int n = seen.incrementAndGet();
            Expected now = expected.get();
            if (now != null && n == waitingFor) {
                now.latencies().recordNanos(System.nanoTime() - now.sentAt());
                now.remaining().countDown();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            open.countDown();
        }

        @Override
        public void onComplete() {
        }
    }

    /** Opens {@code count} streams, in batches, and returns once every one has its answer's headers. */
    SseClients(URI stream, String token, int count) {
        // One HttpClient per thousand streams: each has one selector thread.
        for (int i = 0; i < Math.max(1, (count + 999) / 1000); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(30)).build());
        }
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Stream s = new Stream();
            streams.add(s);
            answers.add(clients.get(i % clients.size()).sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(s)));
            if (i % 250 == 249) {
                await(s.open, Duration.ofSeconds(60), "stream " + i);
            }
        }
        for (Stream s : streams) {
            await(s.open, Duration.ofSeconds(120), "a stream");
        }
        answers.forEach(a -> {
            if (a.isDone() && !a.isCompletedExceptionally() && a.join().statusCode() != 200) {
                throw new BenchException("the alert stream answered " + a.join().statusCode());
            }
        });
    }

    int size() {
        return streams.size();
    }

    /**
     * Times one alert at every client: {@code write} sends the write that raises it. Returns once every client
     * has the alert, or after {@code timeout} with how many did.
     */
    int timeOne(Runnable write, Latencies latencies, Duration timeout) {
        CountDownLatch remaining = new CountDownLatch(streams.size());
        for (Stream s : streams) {
            s.waitingFor = s.seen.get() + 1;
        }
        expected.set(new Expected(System.nanoTime(), remaining, latencies));
        write.run();
        try {
            remaining.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        expected.set(null);
        return (int) (streams.size() - remaining.getCount());
    }

    private static void await(CountDownLatch latch, Duration timeout, String what) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchException(what + " of the alert stream did not open within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted", e);
        }
    }

    @Override
    public void close() {
        // Cancelling a stream's subscription closes its connection (Java 17's HttpClient has no close).
        for (Stream s : streams) {
            if (s.subscription != null) {
                s.subscription.cancel();
            }
        }
        executor.shutdown();
    }
}

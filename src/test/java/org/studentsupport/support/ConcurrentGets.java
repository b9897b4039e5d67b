package org.studentsupport.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** For benchmarks: the same GET from several clients at once, each answer a 200, with every latency kept. */
public final class ConcurrentGets {

    private ConcurrentGets() {
    }

    /** One round: how many requests, how long it took, and each request's latency in nanoseconds. */
    public record Round(long requests, double seconds, List<Long> latencies) {
    }

    public static Round run(HttpClient client, URI uri, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    latencies.add(System.nanoTime() - t);
                    assertEquals(200, response.statusCode(), response.body());
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Round((long) clients * perClient, seconds, latencies);
    }

    /** The percentile of latencies (nanoseconds), in milliseconds. */
    public static double percentileMillis(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}

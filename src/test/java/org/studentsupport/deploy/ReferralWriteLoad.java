package org.studentsupport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Coordinators writing referrals as fast as the service lets them: each client creates a draft with a
 * fresh Idempotency-Key and sends it with the draft's ETag, then the next. A request that is not
 * acknowledged (no answer, a 5xx, a 408) is retried until it is: a creation with the same key, a
 * send by reading the referral again and sending it if it is still a draft. Every exchange is kept,
 * with the time its answer came, so that what the service answered during a fault can be judged.
 */
final class ReferralWriteLoad {

    /** One exchange: status 0 is no answer at all (refused, reset, timed out). */
    record Answer(long atNanos, String call, int status, String contentType, String retryAfter, String body) {

        boolean noAnswer() {
            return status == 0;
        }

        boolean isUnavailableProblem() {
            return status == 503 && contentType != null && contentType.startsWith("application/problem+json")
                    && retryAfter != null;
        }

        String brief() {
            return call + " " + (status == 0 ? "no answer" : status + " " + contentType + " Retry-After=" + retryAfter)
                    + (body == null || body.isEmpty() ? "" : " " + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** Where one attempt left a request. */
    private enum Outcome { ACKNOWLEDGED, RETRY, ALREADY_DONE, REFUSED }

    private record Attempt<T>(Outcome outcome, T value) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final Supplier<String> token;
    private final String studentId;
    private final Map<String, Object> draft;
    private final String marker;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Set<String> issuedKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, String> acknowledgedCreates = new ConcurrentHashMap<>();
    private final Set<String> acknowledgedSends = ConcurrentHashMap.newKeySet();
    private final Set<String> sentWithoutAnswer = ConcurrentHashMap.newKeySet();
    private final AtomicInteger replayedCreates = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopping;
    private volatile long giveUpAtNanos;

    /**
     * @param marker put in each draft's internal notes with its key, so that the database can be asked
     *               which referrals a key produced
     */
    ReferralWriteLoad(String baseUrl, Supplier<String> token, String studentId, Map<String, Object> draft, String marker) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.studentId = studentId;
        this.draft = draft;
        this.marker = marker;
    }

    static String internalNote(String marker, String key) {
        return marker + ":" + key;
    }

    void start(int clientCount) {
        for (int i = 0; i < clientCount; i++) {
            Thread client = new Thread(this::writeUntilStopped, "writer-" + marker + "-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    /** Issues no new write; each client retries what it has open until acknowledged or the time is up. */
    void finish(Duration timeToSettle) throws InterruptedException {
        giveUpAtNanos = System.nanoTime() + timeToSettle.toNanos();
        stopping = true;
        for (Thread client : clients) {
            client.join(timeToSettle.toMillis() + 15_000);
        }
    }

    String marker() {
        return marker;
    }

    /** What the writers are doing, for a message when they make no progress. */
    String progress() {
        long alive = clients.stream().filter(Thread::isAlive).count();
        Map<String, Long> recent = answers.stream().filter(a -> System.nanoTime() - a.atNanos() < 20_000_000_000L)
                .collect(java.util.stream.Collectors.groupingBy(a -> a.call() + " " + a.status(), java.util.stream.Collectors.counting()));
        return alive + " of " + clients.size() + " writers alive, answers of the last 20 s " + recent + ", refusals " + refusals
                + answers.stream().filter(a -> a.status() >= 400 || a.status() == 0).reduce((a, b) -> b)
                .map(a -> ", last failure " + a.brief()).orElse("");
    }

    int acknowledgedSendCount() {
        return acknowledgedSends.size();
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    Set<String> issuedKeys() {
        return Set.copyOf(issuedKeys);
    }

    Map<String, String> acknowledgedCreates() {
        return Map.copyOf(acknowledgedCreates);
    }

    Set<String> acknowledgedSends() {
        return Set.copyOf(acknowledgedSends);
    }

    Set<String> sentWithoutAnswer() {
        return Set.copyOf(sentWithoutAnswer);
    }

    int replayedCreates() {
        return replayedCreates.get();
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void writeUntilStopped() {
        try {
            writeEach();
        } catch (RuntimeException | Error e) {
            refusals.add("writer failed: " + e + " at " + (e.getStackTrace().length == 0 ? "?" : e.getStackTrace()[0]));
        }
    }

    private void writeEach() {
        while (!stopping) {
            String key = "faults-" + UUID.randomUUID();
            issuedKeys.add(key);
            String id = untilDone(() -> create(key));
            if (id == null) {
                return;
            }
            acknowledgedCreates.put(key, id);
            if (untilDone(() -> send(id)) == null) {
                return;
            }
        }
    }

    /** Repeats the attempt until it is acknowledged (or was already done); null when refused or out of time. */
    private <T> T untilDone(Supplier<Attempt<T>> attempt) {
        while (true) {
            Attempt<T> result = attempt.get();
            switch (result.outcome()) {
                case ACKNOWLEDGED, ALREADY_DONE -> {
                    return result.value();
                }
                case REFUSED -> {
                    return null;
                }
                default -> {
                    if (giveUpAtNanos != 0 && System.nanoTime() > giveUpAtNanos) {
                        refusals.add("gave up retrying (time to settle over)");
                        return null;
                    }
                    pause();
                }
            }
        }
    }

    private Attempt<String> create(String key) {
        Map<String, Object> body = new java.util.HashMap<>(draft);
        body.put("internalNotes", internalNote(marker, key));
        HttpResponse<String> response = exchange("create", HttpRequest.newBuilder(uri("/api/v1/students/" + studentId + "/referrals"))
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
        if (response == null) {
            return new Attempt<>(Outcome.RETRY, null);
        }
        if (response.statusCode() == 201) {
            if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
                replayedCreates.incrementAndGet();
            }
            return new Attempt<>(Outcome.ACKNOWLEDGED, read(response.body()).get("id").asText());
        }
        // 409: the first request with this key is still being processed.
        return retryable(response.statusCode()) || response.statusCode() == 409
                ? new Attempt<>(Outcome.RETRY, null) : refused("create", response);
    }

    private Attempt<String> send(String id) {
        HttpResponse<String> current = exchange("read", HttpRequest.newBuilder(uri("/api/v1/referrals/" + id)).GET());
        if (current == null || retryable(current.statusCode())) {
            return new Attempt<>(Outcome.RETRY, null);
        }
        if (current.statusCode() != 200) {
            return refused("read", current);
        }
        if (!"draft".equals(read(current.body()).get("status").asText())) {
            // An earlier send went through; its answer was lost.
            sentWithoutAnswer.add(id);
            return new Attempt<>(Outcome.ALREADY_DONE, id);
        }
        String etag = current.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> sent = exchange("send", HttpRequest.newBuilder(uri("/api/v1/referrals/" + id + "/send"))
                .header("If-Match", etag).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        if (sent != null && sent.statusCode() == 200) {
            acknowledgedSends.add(id);
            return new Attempt<>(Outcome.ACKNOWLEDGED, id);
        }
        // 412 or 409: it changed (sent) since it was read; the next read tells.
        return sent == null || retryable(sent.statusCode()) || sent.statusCode() == 412 || sent.statusCode() == 409
                ? new Attempt<>(Outcome.RETRY, null) : refused("send", sent);
    }

    private static boolean retryable(int status) {
        return status >= 500 || status == 408;
    }

    private <T> Attempt<T> refused(String call, HttpResponse<String> response) {
        refusals.add(call + " " + response.statusCode() + " " + response.body());
        return new Attempt<>(Outcome.REFUSED, null);
    }

    /** One exchange, kept; null when no answer came. */
    private HttpResponse<String> exchange(String call, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token.get())
                    .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            answers.add(new Answer(System.nanoTime(), call, status, response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null), status < 300 ? "" : response.body()));
            return response;
        } catch (IOException e) {
            answers.add(new Answer(System.nanoTime(), call, 0, null, null, e.getClass().getSimpleName()));
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return null;
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

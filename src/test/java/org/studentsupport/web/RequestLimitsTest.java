package org.studentsupport.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.studentsupport.support.LogCapture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every request is limited before it is buffered, and every refusal is a problem document. */
@QuarkusTest
class RequestLimitsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String DISTRICT = "dst-limits";

    @TestHTTPResource("/")
    URL base;
    @Inject
    ObjectMapper json;
    @Inject
    EntityManager db;
    @ConfigProperty(name = "studentsupport.http.max-class-review-body-bytes")
    long reviewLimit;
    @ConfigProperty(name = "studentsupport.http.max-command-body-bytes")
    long commandLimit;

    /** A review of 200 students with every field at its maximum length, each character 3 bytes in UTF-8. */
    private byte[] largestLegalClassReview() throws IOException {
        String wide = "\u20ac";
        ObjectNode review = json.createObjectNode();
        review.put("teacherId", UUID.randomUUID().toString());
        review.put("reviewedOn", "2026-10-01");
        ArrayNode entries = review.putArray("entries");
        for (int i = 0; i < 200; i++) {
            ObjectNode entry = entries.addObject();
            entry.put("studentId", UUID.randomUUID().toString());
            entry.put("tier", wide.repeat(20));
            entry.put("interests", wide.repeat(500));
            entry.put("needsIndividualReview", true);
            ObjectNode domains = entry.putObject("domains");
            for (String domain : new String[]{"academic", "socialEmotional", "health", "family"}) {
                ObjectNode d = domains.putObject(domain);
                for (String list : new String[]{"strengths", "needs"}) {
                    ArrayNode codes = d.putArray(list);
                    for (int c = 0; c < 20; c++) {
                        codes.add(wide.repeat(49) + (char) ('a' + c));
                    }
                }
                d.put("note", wide.repeat(500));
            }
        }
        return json.writeValueAsBytes(review);
    }

    @Test
    @TestSecurity(user = "coord-limits", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT)})
    void theLargestLegalClassReviewFitsItsLimitAndIsNotRefusedForItsSize() throws IOException {
        byte[] body = largestLegalClassReview();
        assertTrue(body.length <= reviewLimit, "largest legal review " + body.length + " > limit " + reviewLimit);
        assertTrue(body.length > reviewLimit * 0.9, "the limit is sized from the largest legal review, not far above it: "
                + body.length + " vs " + reviewLimit);
        int status = given().contentType(ContentType.JSON).body(body)
                .put("/api/v1/classes/" + UUID.randomUUID() + "/reviews/" + UUID.randomUUID())
                .then().contentType(PROBLEM).extract().statusCode();
        assertNotEquals(413, status, "a legal review is judged on its content, not refused for its size");
    }

    @Test
    void aClassReviewOverItsLimitIsRefusedWithAProblem() throws IOException {
        byte[] body = new byte[(int) reviewLimit + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '[';
        body[body.length - 1] = ']';
        long reviews = count("class_review");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("PUT /api/v1/classes/" + UUID.randomUUID() + "/reviews/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        RawAnswer answer = exchange(request.toByteArray(), 10_000);
        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.lower().contains("content-type: " + PROBLEM), answer.text());
        assertTrue(answer.text().contains("\"type\":\"urn:student-support:problem:payload-too-large\""), answer.text());
        assertTrue(answer.text().contains("larger than " + reviewLimit + " bytes"), answer.text());
        assertTrue(answer.text().contains("\"requestId\":\""), answer.text());
        assertEquals(reviews, count("class_review"));
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        // 600 MB announced, nothing sent: the answer comes at once, so nothing was waited for or buffered.
        String head = "PUT /api/v1/classes/" + UUID.randomUUID() + "/reviews/" + UUID.randomUUID() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 600000000\r\n\r\n";
        RawAnswer answer = exchange(head.getBytes(StandardCharsets.US_ASCII), 10_000);
        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.lower().contains("content-type: " + PROBLEM), answer.text());
        assertTrue(answer.text().contains("urn:student-support:problem:payload-too-large"), answer.text());
        assertTrue(answer.closed(), "the connection is closed so that the body is never read");
    }

    @Test
    void aStreamedBodyIsCutOffWhenItGoesOverTheCommandLimit() throws IOException {
        // Chunked, so no length is declared: the limit is enforced while the body arrives.
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("POST /api/v1/schools HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        for (long sent = 0; sent <= commandLimit; sent += chunk.length) {
            request.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            request.write(chunk);
            request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        RawAnswer answer = exchange(request.toByteArray(), 10_000);
        assertEquals(413, answer.status(), answer.text());
        assertTrue(answer.text().contains("urn:student-support:problem:payload-too-large"), answer.text());
        assertTrue(answer.text().contains("larger than " + commandLimit + " bytes"), answer.text());
    }

    @Test
    void aTooLongUriIsAProblem() {
        Response response = given().queryParam("search", "x".repeat(20_000)).get("/hsds/services");
        assertEquals(414, response.statusCode());
        assertEquals(PROBLEM, response.contentType());
        assertEquals("urn:student-support:problem:uri-too-long", response.jsonPath().getString("type"));
    }

    @Test
    void aLongSearchWithinTheUriLimitIsJudgedByValidation() {
        given().queryParam("search", "x".repeat(10_000)).get("/hsds/services")
                .then().statusCode(org.hamcrest.Matchers.not(414));
    }

    @Test
    void tooLargeHeadersAreAProblem() {
        given().header("X-Padding", "p".repeat(20_000)).get("/q/health/live")
                .then().statusCode(431).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:headers-too-large"))
                .body("status", equalTo(431));
    }

    @Test
    void aBodySentByteByByteIsCutOffWithARequestTimeout() throws IOException, InterruptedException {
        java.util.List<org.jboss.logmanager.ExtLogRecord> logged;
        try (LogCapture log = LogCapture.start(); Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/schools HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            RawAnswer answer = null;
            // A byte a second: never idle, but never done either.
            for (int i = 0; i < 12 && answer == null; i++) {
                Thread.sleep(1000);
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                if (socket.getInputStream().available() > 0) {
                    answer = read(socket, 5_000);
                }
            }
            if (answer == null) {
                answer = read(socket, 5_000);
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertEquals(408, answer.status(), answer.text());
            assertTrue(answer.text().contains("urn:student-support:problem:request-timeout"), answer.text());
            assertTrue(seconds < 10, "cut off after the body timeout (3 s in tests), not later: " + seconds + " s");
            // The connection is closed under the body still arriving; give that close a moment to be handled.
            assertEquals(-1, socket.getInputStream().read(), "the connection is closed after the refusal");
            Thread.sleep(500);
            logged = log.records();
        }
        // A client's slow body is the client's doing: no error (with a stack trace) per such request.
        assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()),
                logged.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList().toString());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"array", "object", "service"})
    @TestSecurity(user = "admin-limits", roles = "admin", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT)})
    void hsdsJsonNestedFiveThousandDeepIsAMalformedRequest(String shape) {
        String nested = switch (shape) {
            case "array" -> "[".repeat(5000) + "]".repeat(5000);
            case "object" -> "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
            default -> "{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Deep\",\"status\":\"active\",\"attributes\":"
                    + "[".repeat(5000) + "]".repeat(5000) + "}";
        };
        long services = count("dir_service");
        given().contentType(ContentType.JSON).body(nested).post("/api/v1/directory/imports/hsds-json")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:student-support:problem:malformed-request"))
                .body("detail", containsString("nest"));
        assertEquals(services, count("dir_service"));
    }

    private long count(String table) {
        return ((Number) db.createNativeQuery("SELECT count(*) FROM " + table).getSingleResult()).longValue();
    }

    record RawAnswer(int status, String text, boolean closed) {
        String lower() {
            return text.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private RawAnswer exchange(byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // the server may close before all of an oversized body is written
            }
            return read(socket, timeoutMillis);
        }
    }

    private static RawAnswer read(Socket socket, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        boolean closed = false;
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                text.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException stillOpen) {
            // keep what arrived
        } catch (IOException reset) {
            closed = true;
        }
        String answer = text.toString(StandardCharsets.UTF_8);
        int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
        return new RawAnswer(status, answer, closed);
    }
}

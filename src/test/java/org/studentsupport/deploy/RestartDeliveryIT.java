package org.studentsupport.deploy;

import com.sun.net.httpserver.HttpServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studentsupport.notification.WebhookSignature;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At least once across a crash: the packaged service (production profile, the overlay's environment, demo
 * data on) commits a referral's acceptance made through the API with a real token, tries to deliver the
 * event to a webhook whose receiver is down, and is killed with SIGKILL — no shutdown hook, nothing
 * flushed. Started again with the receiver up, it delivers the event, once, with the event id it was
 * committed with and signed with the webhook's secret.
 */
class RestartDeliveryIT {

    private static EmbeddedPostgres postgres;
    private static Process keycloak;
    private static Process service;
    private static HttpServer receiver;
    private static int keycloakPort;
    private static int servicePort;
    private static Map<String, String> env;
    private static final Path LOG = Path.of("target/restart-delivery-it.log");

    record Received(String eventId, String type, String timestamp, String signature, String body) {
    }

    private static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        postgres = PackagedService.startPostgres();
        keycloakPort = PackagedService.freePort();
        keycloak = PackagedService.startKeycloak(keycloakPort, Path.of("target/restart-delivery-it-keycloak.log"));
        servicePort = PackagedService.freePort();
        env = new java.util.HashMap<>(PackagedService.productionEnvironment(postgres.getPort(), keycloakPort, servicePort));
        env.put("DEMO_DATA", "true");
        // A receiver on this machine over http, and short waits, so that the test is quick.
        env.put("STUDENTSUPPORT_NOTIFICATIONS_WEBHOOK_ALLOW_HTTP", "true");
        env.put("STUDENTSUPPORT_NOTIFICATIONS_WEBHOOK_ALLOW_LOOPBACK", "true");
        env.put("STUDENTSUPPORT_NOTIFICATIONS_POLL_EVERY", "1s");
        env.put("STUDENTSUPPORT_NOTIFICATIONS_BACKOFF", "PT1S");
        env.put("STUDENTSUPPORT_NOTIFICATIONS_BACKOFF_MAX", "PT3S");
        env.put("STUDENTSUPPORT_NOTIFICATIONS_LEASE", "PT5S");
        Files.deleteIfExists(LOG);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = servicePort;
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.reset();
        if (receiver != null) {
            receiver.stop(0);
        }
        PackagedService.stop(service);
        PackagedService.stop(keycloak);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anEventCommittedBeforeAKillIsDeliveredOnceAfterTheRestart() throws Exception {
        int receiverPort = PackagedService.freePort();
        String hookUrl = "http://127.0.0.1:" + receiverPort + "/hook";
        startService();

        // A provider registers a webhook (its receiver is not listening yet) and accepts a referral of its queue.
        String token = token("provider.mentoring");
        Map<String, Object> webhook = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("url", hookUrl))
                .post("/api/v1/webhooks").then().statusCode(201).extract().as(Map.class);
        String webhookId = (String) webhook.get("id");
        String secret = (String) webhook.get("secret");
        List<String> requested = given().auth().oauth2(token).queryParam("status", "requested").get("/api/v1/provider/referrals")
                .then().statusCode(200).extract().path("items.id");
        assertThat(requested).as("the demo data has requested referrals for the provider").isNotEmpty();
        String referral = requested.get(0);
        String etag = given().auth().oauth2(token).get("/api/v1/provider/referrals/" + referral).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", "accepted"))
                .post("/api/v1/referrals/" + referral + "/transitions").then().statusCode(200);

        // Committed with the move: the event and its delivery to the webhook.
        String eventId = query("SELECT id::text FROM notification_event WHERE referral_id = ?::uuid AND kind = 'referral.accepted'",
                referral);
        assertThat(eventId).isNotNull();
        // The service tries, cannot reach the receiver, and keeps the delivery pending.
        PackagedService.await(() -> attempts(eventId, webhookId) >= 1, Duration.ofSeconds(20), "a first delivery attempt");
        assertThat(query("SELECT status FROM notification_delivery WHERE event_id = ?::uuid AND webhook_id = ?::uuid",
                eventId, webhookId)).isEqualTo("pending");

        // kill -9: the JVM stops where it is.
        service.destroyForcibly();
        assertThat(service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(service.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(RECEIVED).isEmpty();

        startReceiver(receiverPort);
        startService();
        PackagedService.await(() -> RECEIVED.stream().anyMatch(r -> eventId.equals(r.eventId())), Duration.ofSeconds(30),
                "the event to be delivered after the restart");
        PackagedService.await(() -> "delivered".equals(query("SELECT status FROM notification_delivery WHERE event_id = ?::uuid "
                + "AND webhook_id = ?::uuid", eventId, webhookId)), Duration.ofSeconds(10), "the delivery to be marked");
        // Rounds go on (every second, leases of 5 s): nothing is sent a second time.
        Thread.sleep(6_000);
        List<Received> deliveries = RECEIVED.stream().filter(r -> eventId.equals(r.eventId())).toList();
        assertThat(deliveries).hasSize(1);
        Received delivered = deliveries.get(0);
        assertThat(delivered.type()).isEqualTo("referral.accepted");
        var event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivered.body());
        assertThat(event.get("id").asText()).isEqualTo(eventId);
        assertThat(event.get("referralId").asText()).isEqualTo(referral);
        assertThat(delivered.signature()).isEqualTo(WebhookSignature.sign(secret, Long.parseLong(delivered.timestamp()), delivered.body()));
    }

    private static void startService() throws Exception {
        service = PackagedService.start(env, LOG, true);
        PackagedService.await(() -> PackagedService.status("http://127.0.0.1:" + servicePort + "/q/health/ready") == 200,
                Duration.ofSeconds(120), "the service to start");
    }

    private static void startReceiver(int port) throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            RECEIVED.add(new Received(headers.getFirst(WebhookSignature.EVENT_ID_HEADER), headers.getFirst(WebhookSignature.EVENT_TYPE_HEADER),
                    headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), headers.getFirst(WebhookSignature.SIGNATURE_HEADER), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static String token(String user) {
        return given().baseUri("http://127.0.0.1").port(keycloakPort)
                .formParam("grant_type", "password").formParam("client_id", "student-support-web")
                .formParam("username", user).formParam("password", "demo-password")
                .post("/realms/student-support/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static int attempts(String eventId, String webhookId) {
        String value = query("SELECT attempts::text FROM notification_delivery WHERE event_id = ?::uuid AND webhook_id = ?::uuid",
                eventId, webhookId);
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String query(String sql, String... parameters) {
        try (Connection c = DriverManager.getConnection(PackagedService.jdbcUrl(postgres), "student_support_owner",
                PackagedService.OWNER_PASSWORD); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

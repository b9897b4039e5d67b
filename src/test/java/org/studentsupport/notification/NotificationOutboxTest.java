package org.studentsupport.notification;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.studentsupport.referral.ReferralFixtures;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbox end to end: webhooks registered (and refused), a referral sent and accepted through the
 * API, the events delivered after commit to a real HTTP receiver (signed, retried after a failure, logged)
 * and as e-mails to a real SMTP server (GreenMail) without student data — to a webhook that asked for it,
 * as a FHIR notification Bundle checked by HAPI FHIR's validator; and a delivery claimed by an instance
 * that stopped before it could send is delivered once that claim runs out.
 */
@QuarkusTest
@TestProfile(NotificationOutboxTest.EmailOn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationOutboxTest {

    static final String ORG = "6c1d2e3f-4a5b-4c6d-8e7f-000000000016";
    static final String DISTRICT = "dst-notify";
    static final String SCHOOL = "sch-notify";
    static final String INTAKE = "intake@provider.example.org";
    static final String COORDINATOR = "coordinator@school.example.org";
    static final int SMTP_PORT = freePort();
    static final ObjectMapper JSON = new ObjectMapper();
    static final FhirContext FHIR = FhirContext.forR4();

    /** E-mail on, against the GreenMail server this test starts. */
    public static class EmailOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("studentsupport.notifications.email.enabled", "true",
                    "quarkus.mailer.mock", "false",
                    "quarkus.mailer.host", "127.0.0.1",
                    "quarkus.mailer.port", Integer.toString(SMTP_PORT),
                    "quarkus.mailer.from", "notifications@student-support.example.org",
                    "studentsupport.notifications.link-base", "https://support.example.org");
        }
    }

    record Received(String path, Map<String, String> headers, String body) {
    }

    static GreenMail smtp;
    static HttpServer receiver;
    static final ConcurrentLinkedQueue<Received> RECEIVED = new ConcurrentLinkedQueue<>();
    static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    static final Map<String, String> SECRETS = new HashMap<>();
    static final Map<String, String> WEBHOOK_IDS = new HashMap<>();
    static UUID student;
    static UUID service;
    static UUID consent;
    static UUID referral;

    @Inject
    ReferralFixtures fixtures;

    @Inject
    Notifications notifications;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    org.studentsupport.referral.ReferralEvents overdue;

    @BeforeAll
    static void startTheReceivers() throws IOException {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/flaky") && FLAKY_CALLS.incrementAndGet() == 1 ? 500 : 204;
            RECEIVED.add(new Received(path, headers, body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopTheReceivers() {
        receiver.stop(0);
        smtp.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    void world() {
        UUID school = fixtures.school(DISTRICT, SCHOOL);
        if (student == null) {
            student = fixtures.student(school, "Lucia", "Fernandez", LocalDate.now().minusYears(11));
            UUID parent = fixtures.contact(student, "Rosa", "Fernandez", "parent", true);
            fixtures.organization(UUID.fromString(ORG), "Notify Mentors");
            fixtures.organizationEmail(UUID.fromString(ORG), INTAKE);
            service = fixtures.service(UUID.fromString(ORG), "Notify mentoring");
            consent = fixtures.consent(student, parent, null, List.of("mentoring"), List.of("identity"),
                    LocalDate.now().minusDays(2), LocalDate.now().plusYears(1), null);
        }
    }

    static io.restassured.response.Response register(String url) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url)).post("/api/v1/webhooks");
    }

    static io.restassured.response.Response register(String url, String payloadFormat) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "payloadFormat", payloadFormat)).post("/api/v1/webhooks");
    }

    @Test
    @Order(1)
    @TestSecurity(user = "prov-notify", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG))
    void aProviderRegistersWebhooksButNoPrivateOrUnsafeOne() {
        long before = count("SELECT count(*) FROM webhook");
        for (String refused : List.of("http://10.1.2.3/hook", "http://192.168.1.20/hook", "http://169.254.169.254/latest/meta-data",
                "http://[fd00::1]/hook", "http://[::ffff:10.0.0.1]/hook", "ftp://127.0.0.1/hook", "http://user:secret@127.0.0.1/hook",
                "http://100.64.0.1/hook", "not a url")) {
            register(refused).then().statusCode(422).contentType("application/problem+json")
                    .body("errors.pointer", hasItem("/url"));
        }
        assertEquals(before, count("SELECT count(*) FROM webhook"), "nothing was written");

        register(url("/fhir-hook"), "xml").then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/payloadFormat"));
        assertEquals(before, count("SELECT count(*) FROM webhook"), "nothing was written");

        for (String path : List.of("/hook", "/flaky", "/fhir-hook")) {
            JsonNode created = json((path.equals("/fhir-hook") ? register(url(path), "fhir") : register(url(path)))
                    .then().statusCode(201).extract().asString());
            assertEquals(path.equals("/fhir-hook") ? "fhir" : "json", created.get("payloadFormat").asText());
            assertEquals("organization", created.get("ownerKind").asText());
            assertEquals(ORG, created.get("ownerId").asText());
            assertTrue(created.get("secret").asText().startsWith("whsec_"));
            SECRETS.put(path, created.get("secret").asText());
            WEBHOOK_IDS.put(path, created.get("id").asText());
        }
        String listed = given().get("/api/v1/webhooks").then().statusCode(200).extract().asString();
        assertFalse(listed.contains("whsec_"), "the secret is shown only once");
        assertEquals("fhir", string("SELECT payload_format FROM webhook WHERE id = '" + WEBHOOK_IDS.get("/fhir-hook") + "'"));
    }

    @Test
    @Order(2)
    @TestSecurity(user = "admin-notify", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = DISTRICT))
    void aDistrictRegistersItsWebhook() {
        JsonNode created = json(register(url("/district")).then().statusCode(201).extract().asString());
        assertEquals("district", created.get("ownerKind").asText());
        assertEquals(DISTRICT, created.get("ownerId").asText());
        SECRETS.put("/district", created.get("secret").asText());
    }

    @Test
    @Order(3)
    @TestSecurity(user = "coord-notify", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = DISTRICT), @SecurityAttribute(key = "school_ids", value = SCHOOL),
            @SecurityAttribute(key = "email", value = COORDINATOR)})
    void sendingAReferralTellsTheProviderByWebhookAndEMailWithoutStudentData() throws Exception {
        world();
        Map<String, Object> draft = new HashMap<>();
        draft.put("serviceId", service.toString());
        draft.put("consentId", consent.toString());
        draft.put("reasonCodes", List.of("anxiety"));
        draft.put("urgency", "routine");
        draft.put("purpose", "mentoring");
        draft.put("sharedCategories", List.of("identity"));
        draft.put("sharedNotes", "Loves chess");
        referral = UUID.fromString(given().contentType(ContentType.JSON).body(draft)
                .post("/api/v1/students/" + student + "/referrals").then().statusCode(201).extract().path("id"));
        String etag = given().get("/api/v1/referrals/" + referral).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of())
                .post("/api/v1/referrals/" + referral + "/send").then().statusCode(200);

        Received hook = await(() -> find("/hook", "referral.sent"));
        JsonNode event = json(hook.body());
        assertEquals(hook.headers().get("x-event-id"), event.get("id").asText(), "the event id in header and body");
        assertEquals(referral.toString(), event.get("referralId").asText());
        assertEquals("https://support.example.org/fhir/Task/" + referral, event.get("links").get("task").asText());
        String expected = WebhookSignature.sign(SECRETS.get("/hook"), Long.parseLong(hook.headers().get("x-timestamp")), hook.body());
        assertEquals(expected, hook.headers().get("x-signature-256"), "signed with the webhook's secret");
        assertNoStudentData(hook.body());
        assertFhirNotification(await(() -> find("/fhir-hook", "referral.sent")), "referral.sent", 1);
        Received district = await(() -> find("/district", "referral.sent"));
        assertEquals(WebhookSignature.sign(SECRETS.get("/district"), Long.parseLong(district.headers().get("x-timestamp")),
                district.body()), district.headers().get("x-signature-256"));

        // The flaky receiver answers 500 first: the delivery is tried again after the backoff and then succeeds.
        await(() -> FLAKY_CALLS.get() >= 2 ? find("/flaky", "referral.sent") : null);
        await(() -> "delivered".equals(deliveryStatus(WEBHOOK_IDS.get("/flaky"), event.get("id").asText())) ? "yes" : null);

        MimeMessage mail = await(() -> mailTo(INTAKE));
        assertEquals("A new referral was sent to your organization", mail.getSubject());
        String text = GreenMailUtil.getBody(mail);
        assertTrue(text.contains("https://support.example.org/api/v1/provider/referrals/" + referral), text);
        assertTrue(text.contains("Referrals waiting for your answer: 1"), text);
        assertNoStudentData(text);
        assertNoStudentData(mail.getSubject());
    }

    @Test
    @Order(4)
    @TestSecurity(user = "prov-notify", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG))
    void acceptingTellsTheCoordinatorAndTheLogShowsEachDelivery() throws Exception {
        String etag = given().get("/api/v1/provider/referrals/" + referral).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", "accepted"))
                .post("/api/v1/referrals/" + referral + "/transitions").then().statusCode(200);
        Received accepted = await(() -> find("/hook", "referral.accepted"));
        assertEquals(referral.toString(), json(accepted.body()).get("referralId").asText());
        assertFhirNotification(await(() -> find("/fhir-hook", "referral.accepted")), "referral.accepted", 2);
        MimeMessage mail = await(() -> mailTo(COORDINATOR));
        assertEquals("A referral was accepted", mail.getSubject());
        assertTrue(GreenMailUtil.getBody(mail).contains("https://support.example.org/api/v1/referrals/" + referral));
        assertNoStudentData(GreenMailUtil.getBody(mail));

        JsonNode log = await(() -> {
            JsonNode page = json(given().get("/api/v1/webhooks/" + WEBHOOK_IDS.get("/flaky") + "/deliveries").then()
                    .statusCode(200).extract().asString());
            return page.get("items").size() == 2 && page.get("items").findValues("status").stream()
                    .allMatch(s -> s.asText().equals("delivered")) ? page : null;
        });
        JsonNode sent = log.get("items").get(1);
        assertEquals("referral.sent", sent.get("type").asText());
        assertEquals(2, sent.get("attempts").asInt(), "one failure, then delivered");
        assertEquals(204, sent.get("lastHttpStatus").asInt());
        given().get("/api/v1/webhooks/" + UUID.randomUUID() + "/deliveries").then().statusCode(404);
    }

    @Test
    @Order(5)
    void aDeliveryClaimedByAnInstanceThatStoppedIsDeliveredWhenTheClaimRunsOut() throws Exception {
        world();
        String key = "referral.overdue:" + referral + ":restart-" + UUID.randomUUID();
        // Committed with the change, and claimed by an instance that then stopped before sending: attempts 1,
        // held for the lease (3 s in the tests), no outcome recorded.
        QuarkusTransaction.requiringNew().run(() -> notifications.record(new NotificationEvent(
                NotificationEvent.Kind.REFERRAL_OVERDUE, referral, UUID.fromString(ORG), DISTRICT, Instant.now(), key, 0, null, null)));
        String eventId = string("SELECT id::text FROM notification_event WHERE dedupe_key = '" + key + "'");
        execute("UPDATE notification_delivery SET attempts = 1, last_attempt_at = now(), next_attempt_at = now() + interval '3 seconds' "
                + "WHERE event_id = '" + eventId + "'");
        Thread.sleep(1500);
        assertEquals(0, RECEIVED.stream().filter(r -> eventId.equals(r.headers().get("x-event-id"))).count(),
                "not sent while the stopped instance's claim holds");
        Received delivered = await(() -> RECEIVED.stream()
                .filter(r -> r.path().equals("/hook") && eventId.equals(r.headers().get("x-event-id"))).findFirst().orElse(null));
        assertEquals("referral.overdue", delivered.headers().get("x-event-type"));
        await(() -> count("SELECT count(*) FROM notification_delivery WHERE event_id = '" + eventId + "' AND status = 'delivered'") == 6
                ? "all" : null);
        assertEquals(2L, count("SELECT max(attempts) FROM notification_delivery WHERE event_id = '" + eventId + "'"));

        // The same fact a second time is not a second event.
        QuarkusTransaction.requiringNew().run(() -> notifications.record(new NotificationEvent(
                NotificationEvent.Kind.REFERRAL_OVERDUE, referral, UUID.fromString(ORG), DISTRICT, Instant.now(), key, 0, null, null)));
        assertEquals(1L, count("SELECT count(*) FROM notification_event WHERE dedupe_key = '" + key + "'"));
    }

    @Test
    @Order(6)
    void anEventOfAChangeRolledBackIsNeverSent() throws Exception {
        String key = "referral.overdue:" + referral + ":rolled-back-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notifications.record(new NotificationEvent(NotificationEvent.Kind.REFERRAL_OVERDUE, referral, UUID.fromString(ORG),
                        DISTRICT, Instant.now(), key, 0, null, null));
                throw new IllegalStateException("the change fails");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertEquals(0L, count("SELECT count(*) FROM notification_event WHERE dedupe_key = '" + key + "'"));
    }

    @Test
    @Order(7)
    void theScanTellsOfAnOverdueReferralOncePerFollowUpDate() throws Exception {
        LocalDate due = LocalDate.now().minusDays(2);
        fixtures.followUpDue(referral, due);
        overdue.scanOverdue();
        assertFalse(overdue.overdueNotYetTold(100_000).contains(referral), "told of: the next scans move on to the others");
        overdue.scanOverdue();
        String key = "referral.overdue:" + referral + ":" + due;
        assertEquals(1L, count("SELECT count(*) FROM notification_event WHERE dedupe_key = '" + key + "'"));
        String eventId = string("SELECT id::text FROM notification_event WHERE dedupe_key = '" + key + "'");
        Received told = await(() -> RECEIVED.stream().filter(r -> r.path().equals("/hook")
                && eventId.equals(r.headers().get("x-event-id"))).findFirst().orElse(null));
        assertEquals("referral.overdue", told.headers().get("x-event-type"));
    }

    @Test
    @Order(8)
    void revokingTheConsentTellsOfEachOpenSentReferral() throws Exception {
        fixtures.revoke(consent);
        String key = "consent.revoked:" + referral + ":" + consent;
        assertEquals(1L, count("SELECT count(*) FROM notification_event WHERE dedupe_key = '" + key + "'"));
        await(() -> find("/hook", "consent.revoked"));
        MimeMessage mail = await(() -> {
            try {
                for (MimeMessage m : smtp.getReceivedMessages()) {
                    if (m.getSubject().contains("withdrawn") && m.getAllRecipients()[0].toString().equals(INTAKE)) {
                        return m;
                    }
                }
                return null;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNoStudentData(GreenMailUtil.getBody(mail));
    }

    /**
     * A FHIR delivery: signed like the others, the event id as the Bundle's id, a history Bundle whose
     * SubscriptionStatus names the event kind and the Task of the referral, valid for HAPI FHIR's validator.
     */
    private static void assertFhirNotification(Received hook, String kind, int eventNumber) {
        assertTrue(hook.headers().get("content-type").startsWith("application/fhir+json"), hook.headers().toString());
        assertEquals(WebhookSignature.sign(SECRETS.get("/fhir-hook"), Long.parseLong(hook.headers().get("x-timestamp")), hook.body()),
                hook.headers().get("x-signature-256"), "signed with the webhook's secret");
        org.studentsupport.fhir.FhirValidation.assertValid(hook.body());
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, hook.body());
        assertEquals(Bundle.BundleType.HISTORY, bundle.getType());
        assertEquals(hook.headers().get("x-event-id"), bundle.getIdElement().getIdPart(), "the event id in header and body");
        assertEquals(List.of(FhirNotification.BUNDLE_PROFILE), bundle.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
        assertEquals(1, bundle.getEntry().size(), "id-only: the status, no resource rides along");
        Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
        assertEquals("Subscription/" + WEBHOOK_IDS.get("/fhir-hook") + "/$status", entry.getRequest().getUrl());
        Parameters status = (Parameters) entry.getResource();
        assertEquals(FhirNotification.STATUS_PROFILE, status.getMeta().getProfile().get(0).getValue());
        assertEquals(WEBHOOK_IDS.get("/fhir-hook"), ((Reference) status.getParameter("subscription").getValue()).getIdentifier().getValue());
        assertEquals("urn:student-support:topic:" + kind, status.getParameter("topic").getValue().primitiveValue());
        assertEquals("active", status.getParameter("status").getValue().primitiveValue());
        assertEquals("event-notification", status.getParameter("type").getValue().primitiveValue());
        assertEquals(Integer.toString(eventNumber), status.getParameter("events-since-subscription-start").getValue().primitiveValue());
        Parameters.ParametersParameterComponent event = status.getParameter("notification-event");
        Map<String, String> parts = new HashMap<>();
        event.getPart().forEach(p -> parts.put(p.getName(), p.getValue() instanceof Reference r ? r.getReference() : p.getValue().primitiveValue()));
        assertEquals(Integer.toString(eventNumber), parts.get("event-number"));
        assertEquals("https://support.example.org/fhir/Task/" + referral, parts.get("focus"));
        assertTrue(parts.containsKey("timestamp"), parts.toString());
        assertNoStudentData(hook.body());
    }

    private static void assertNoStudentData(String text) {
        for (String pii : List.of("Lucia", "Fernandez", "Rosa", "chess", student.toString())) {
            assertFalse(text.contains(pii), "no student data (" + pii + ") in " + text);
        }
    }

    private static Received find(String path, String type) {
        return RECEIVED.stream().filter(r -> r.path().equals(path) && type.equals(r.headers().get("x-event-type"))
                && r.body().contains(referral.toString())).findFirst().orElse(null);
    }

    private static MimeMessage mailTo(String address) {
        try {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)
                        && (address.equals(INTAKE) || message.getSubject().contains("accepted"))) {
                    return message;
                }
            }
            return null;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String deliveryStatus(String webhookId, String eventId) {
        return string("SELECT status FROM notification_delivery WHERE webhook_id = '" + webhookId + "' AND event_id = '" + eventId + "'");
    }

    /** Waits up to 20 s for a value (the dispatcher runs every second in the tests). */
    private static <T> T await(Supplier<T> probe) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 20 s; received: " + new ArrayList<>(RECEIVED));
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql) {
        String value = string(sql);
        return value == null ? 0 : Long.parseLong(value);
    }

    private String string(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

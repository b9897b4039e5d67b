package org.studentsupport.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentsupport.referral.ReferralFixtures;
import org.studentsupport.referral.ReferralStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FHIR endpoint as a provider's platform uses it: the CapabilityStatement, its Tasks read and
 * searched, and updates that move the referral through the one workflow. Every resource served is
 * validated with HAPI FHIR's validator; errors are OperationOutcomes and change nothing.
 */
@QuarkusTest
@TestSecurity(user = "prov-fhir-a", roles = "provider",
        attributes = @SecurityAttribute(key = "organization_id", value = FhirTaskTest.ORG_A))
class FhirTaskTest {

    static final String ORG_A = "5e0c7b61-2f3a-4d6e-8b1c-0f9a8e7d6c01";
    static final String ORG_B = "5e0c7b61-2f3a-4d6e-8b1c-0f9a8e7d6c02";
    static final String FHIR = "application/fhir+json";
    static final FhirContext CONTEXT = FhirContext.forR4();

    @Inject
    ReferralFixtures fixtures;

    UUID school;
    UUID student;
    UUID parent;
    UUID serviceA;
    UUID serviceB;
    UUID consent;

    @BeforeEach
    void referralsToTwoProviders() {
        school = fixtures.school("dst-fhir", "sch-fhir");
        student = fixtures.student(school, "Amara", "Okafor", LocalDate.now().minusYears(12).minusDays(20));
        parent = fixtures.contact(student, "Ngozi", "Okafor", "parent", true);
        serviceA = fixtures.service(fixtures.organization(UUID.fromString(ORG_A), "Fhir Provider A"), "A tutoring");
        serviceB = fixtures.service(fixtures.organization(UUID.fromString(ORG_B), "Fhir Provider B"), "B tutoring");
        consent = fixtures.consent(student, parent, null, List.of("mentoring"), List.of("identity", "demographics", "contact",
                "review-needs"), LocalDate.now().minusDays(3), LocalDate.now().plusYears(1), null);
    }

    private UUID sentTo(UUID service, ReferralStatus... more) {
        List<ReferralStatus> moves = new ArrayList<>(List.of(ReferralStatus.REQUESTED));
        moves.addAll(List.of(more));
        return fixtures.referral(student, service, consent, List.of("identity", "demographics", "contact", "review-needs"),
                List.of(parent), moves.toArray(ReferralStatus[]::new));
    }

    static String read(String path) {
        String body = given().accept(FHIR).get(path).then().statusCode(200).contentType(FHIR).extract().asString();
        FhirValidation.assertValid(body);
        return body;
    }

    static Task task(UUID id) {
        return CONTEXT.newJsonParser().parseResource(Task.class, read("/fhir/Task/" + id));
    }

    static Response put(UUID id, String ifMatch, Task task) {
        var request = given().contentType(FHIR).accept(FHIR).body(CONTEXT.newJsonParser().encodeResourceToString(task));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/fhir/Task/" + id);
    }

    static String etag(UUID id) {
        return given().accept(FHIR).get("/fhir/Task/" + id).then().statusCode(200).extract().header("ETag");
    }

    /** An OperationOutcome with the status, valid, and its issues' codes. */
    static JsonPath outcome(Response response, int status) {
        String body = response.then().statusCode(status).contentType(FHIR).extract().asString();
        FhirValidation.assertValid(body);
        JsonPath json = JsonPath.from(body);
        assertEquals("OperationOutcome", json.getString("resourceType"));
        return json;
    }

    @Test
    void theCapabilityStatementNamesTaskWithItsInteractionsAndSearchParameters() {
        JsonPath metadata = JsonPath.from(read("/fhir/metadata"));
        assertEquals("CapabilityStatement", metadata.getString("resourceType"));
        assertEquals("4.0.1", metadata.getString("fhirVersion"));
        assertEquals(List.of("Task"), metadata.getList("rest[0].resource.type"));
        assertEquals(List.of("read", "search-type", "update"), metadata.getList("rest[0].resource[0].interaction.code"));
        assertTrue(metadata.getList("rest[0].resource[0].searchParam.name").containsAll(List.of("owner", "status", "_lastUpdated", "focus")));
    }

    @Test
    void aTaskIsShapedAfterTheSdohGuideAndCarriesNoInternalIdOrUsername() {
        UUID referral = sentTo(serviceA);
        String body = read("/fhir/Task/" + referral);
        JsonPath task = JsonPath.from(body);
        assertEquals(referral.toString(), task.getString("id"));
        assertEquals(List.of("http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement"),
                task.getList("meta.profile"));
        assertEquals("requested", task.getString("status"));
        assertEquals("order", task.getString("intent"));
        assertEquals("fulfill", task.getString("code.coding[0].code"));
        assertEquals("awaiting-provider", task.getString("businessStatus.coding[0].code"));
        assertEquals("ServiceRequest/" + referral, task.getString("focus.reference"));
        assertEquals("Organization/" + ORG_A, task.getString("owner.reference"));
        assertEquals("Organization/" + school, task.getString("requester.reference"), "the school, not a username");
        String patient = task.getString("for.reference");
        assertTrue(patient.startsWith("Patient/"));
        assertNotEquals("Patient/" + student, patient, "a pseudonym, not the internal student id");
        assertFalse(body.contains(student.toString()), "the internal student id appears nowhere");
        assertFalse(body.contains("fixture"), "no username of the author");
        assertFalse(body.contains("INTERNAL"));
    }

    @Test
    void theExportIsACollectionWhoseEveryReferenceResolvesWithinIt() {
        UUID referral = sentTo(serviceA);
        String body = given().accept(FHIR).get("/api/v1/referrals/" + referral + "/fhir").then().statusCode(200)
                .contentType(FHIR).extract().asString();
        FhirValidation.assertValid(body);
        Bundle bundle = CONTEXT.newJsonParser().parseResource(Bundle.class, body);
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        List<String> types = bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
        assertEquals(List.of("Task", "ServiceRequest", "Patient", "Organization", "Organization", "Consent"), types);
        assertEveryReferenceResolves(body, bundle);

        var request = (org.hl7.fhir.r4.model.ServiceRequest) bundle.getEntry().get(1).getResource();
        assertEquals(List.of("http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest"),
                request.getMeta().getProfile().stream().map(p -> p.getValue()).toList());
        assertEquals("410606002", request.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("Consent/" + consent, request.getSupportingInfoFirstRep().getReference());
        // the need: a SNOMED CT finding first, the local code kept as the second coding
        assertEquals(List.of("http://snomed.info/sct|48694002", "urn:student-support:need|anxiety"),
                request.getReasonCodeFirstRep().getCoding().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList());
        assertTrue(request.getNote().stream().anyMatch(n -> n.getText().contains("99.33")), "the redisclosure notice");

        var patient = (org.hl7.fhir.r4.model.Patient) bundle.getEntry().get(2).getResource();
        assertEquals("Amara", patient.getNameFirstRep().getGivenAsSingleString());
        assertEquals("O", patient.getNameFirstRep().getFamily(), "the last initial only, as disclosed");
        assertFalse(patient.hasBirthDate(), "no birth date was disclosed");
        assertEquals("urn:student-support:provider-pseudonym", patient.getIdentifierFirstRep().getSystem());
        assertEquals("Organization/" + ORG_A, patient.getIdentifierFirstRep().getAssigner().getReference());
        assertEquals(patient.getIdPart(), patient.getIdentifierFirstRep().getValue());
        assertEquals("Ngozi", patient.getContactFirstRep().getName().getGivenAsSingleString());
        assertEquals("PRN", patient.getContactFirstRep().getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertFalse(body.contains("Okafor\",\"given\":[\"Amara"), "not the student's family name");
        assertEquals("es", patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode());
        assertEquals(patient.getIdPart(), task(referral).getFor().getReferenceElement().getIdPart(), "the same pseudonym on /fhir");
    }

    @Test
    @TestSecurity(user = "coord-fhir", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = "dst-fhir"), @SecurityAttribute(key = "school_ids", value = "sch-fhir")})
    void aDraftHasNoTaskInItsExport() {
        UUID draft = fixtures.referral(student, serviceA, consent, List.of("identity"));
        Bundle bundle = exportAsSchool(draft);
        assertFalse(bundle.getEntry().stream().anyMatch(e -> e.getResource().fhirType().equals("Task")));
        assertEquals("draft", ((org.hl7.fhir.r4.model.ServiceRequest) bundle.getEntry().get(0).getResource()).getStatus().toCode());
    }

    private Bundle exportAsSchool(UUID referral) {
        String body = given().accept(FHIR).get("/api/v1/referrals/" + referral + "/fhir").then().statusCode(200)
                .extract().asString();
        FhirValidation.assertValid(body);
        return CONTEXT.newJsonParser().parseResource(Bundle.class, body);
    }

    @Test
    void theProviderAcceptsThenCompletesWithAnOutcomeThroughTheWorkflow() {
        UUID referral = sentTo(serviceA);
        Task accept = task(referral);
        accept.setStatus(Task.TaskStatus.ACCEPTED);
        accept.getBusinessStatus().setText("Intake call booked for Monday");
        String accepted = put(referral, etag(referral), accept).then().statusCode(200).contentType(FHIR).extract().asString();
        FhirValidation.assertValid(accepted);
        assertEquals("accepted", JsonPath.from(accepted).getString("status"));
        assertEquals("accepted:null", fixtures.state(referral));
        assertEquals(List.of("requested:school", "accepted:provider"), fixtures.history(referral));

        Task start = task(referral);
        start.setStatus(Task.TaskStatus.INPROGRESS);
        start.setExecutionPeriod(new Period().setStartElement(new DateTimeType(LocalDate.now().minusDays(1).toString())));
        put(referral, etag(referral), start).then().statusCode(200);

        Task complete = task(referral);
        complete.setStatus(Task.TaskStatus.COMPLETED);
        complete.addOutput().setType(new CodeableConcept().addCoding(new Coding("urn:student-support:task-output", "outcome", null)))
                .setValue(new CodeableConcept().addCoding(new Coding("urn:student-support:referral-outcome", "partially-met", null)));
        put(referral, etag(referral), complete).then().statusCode(200);
        assertEquals("completed:partially-met", fixtures.state(referral));
        Task done = task(referral);
        assertEquals("partially-met", ((CodeableConcept) done.getOutputFirstRep().getValue()).getCodingFirstRep().getCode());
        assertFalse(done.hasStatusReason(), "the outcome is in Task.output, not in statusReason");
        assertEquals(3, fixtures.auditEvents(referral, "transition", "success"), "each move audited as a transition");
    }

    @Test
    void aRejectionCarriesItsReasonInStatusReason() {
        UUID referral = sentTo(serviceA);
        Task reject = task(referral);
        reject.setStatus(Task.TaskStatus.REJECTED);
        reject.setStatusReason(new CodeableConcept().addCoding(new Coding("urn:student-support:referral-status-reason",
                "out-of-service-area", null)).setText("We serve the north side only"));
        put(referral, etag(referral), reject).then().statusCode(200);
        assertEquals("rejected:out-of-service-area", fixtures.state(referral));
        Task rejected = task(referral);
        assertEquals("out-of-service-area", rejected.getStatusReason().getCodingFirstRep().getCode());
        assertEquals("We serve the north side only", rejected.getStatusReason().getText());
    }

    @Test
    void aMoveTheWorkflowDoesNotAllowIsA409OperationOutcomeAndChangesNothing() {
        UUID referral = sentTo(serviceA);
        Task complete = task(referral);
        complete.setStatus(Task.TaskStatus.COMPLETED);
        JsonPath outcome = outcome(put(referral, etag(referral), complete), 409);
        assertEquals("conflict", outcome.getString("issue[0].code"));
        assertTrue(outcome.getString("issue[0].diagnostics").contains("allowed: accepted, rejected"), outcome.prettify());
        assertEquals("requested:null", fixtures.state(referral));
        assertEquals(1, fixtures.transitions(referral));

        Task cancel = task(referral);
        cancel.setStatus(Task.TaskStatus.CANCELLED);
        outcome(put(referral, etag(referral), cancel), 409);
        assertEquals("requested:null", fixtures.state(referral), "only the school cancels");
    }

    @Test
    void aMoveWithoutWhatItMustCarryIsA422OperationOutcomeAndChangesNothing() {
        UUID referral = sentTo(serviceA);
        Task reject = task(referral);
        reject.setStatus(Task.TaskStatus.REJECTED);
        JsonPath outcome = outcome(put(referral, etag(referral), reject), 422);
        assertEquals("business-rule", outcome.getString("issue[0].code"));
        assertEquals("Task.statusReason", outcome.getString("issue[0].expression[0]"));
        assertEquals("requested:null", fixtures.state(referral));

        Task unknown = task(referral);
        unknown.setStatus(Task.TaskStatus.READY);
        outcome(put(referral, etag(referral), unknown), 422);

        Task reowned = task(referral);
        reowned.setStatus(Task.TaskStatus.ACCEPTED);
        reowned.getOwner().setReference("Organization/" + ORG_B);
        JsonPath refused = outcome(put(referral, etag(referral), reowned), 422);
        assertEquals("Task.owner", refused.getString("issue[0].expression[0]"));
        assertEquals("requested:null", fixtures.state(referral));

        // Any other element changed along with a move: refused, not silently dropped.
        Task reprioritized = task(referral);
        reprioritized.setStatus(Task.TaskStatus.ACCEPTED);
        reprioritized.setPriority(Task.TaskPriority.STAT);
        reprioritized.setDescription("changed by the provider");
        JsonPath dropped = outcome(put(referral, etag(referral), reprioritized), 422);
        assertEquals(Set.of("Task.priority", "Task.description"), dropped.getList("issue.expression.flatten()", String.class)
                .stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()), dropped.prettify());
        assertEquals("requested:null", fixtures.state(referral));
        assertEquals(1, fixtures.transitions(referral));

        // The Task sent back exactly as read (after a round trip through the parser) still moves.
        Task accept = task(referral);
        accept.setStatus(Task.TaskStatus.ACCEPTED);
        assertEquals(200, put(referral, etag(referral), accept).statusCode());
        assertEquals(2, fixtures.transitions(referral));
    }

    @Test
    void anUpdateNeedsTheCurrentVersion() {
        UUID referral = sentTo(serviceA);
        Task accept = task(referral);
        accept.setStatus(Task.TaskStatus.ACCEPTED);
        accept.getMeta().setVersionId(null);
        accept.setId(referral.toString()); // the parser also carries the version in the id
        String unversioned = CONTEXT.newJsonParser().encodeResourceToString(accept);
        assertFalse(unversioned.contains("versionId"), unversioned);
        outcome(put(referral, null, accept), 428);
        outcome(put(referral, "W/\"999\"", accept), 412);
        assertEquals("requested:null", fixtures.state(referral));
        put(referral, etag(referral), accept).then().statusCode(200);
    }

    @Test
    void aTaskSentBackUnchangedChangesNothing() {
        UUID referral = sentTo(serviceA);
        put(referral, etag(referral), task(referral)).then().statusCode(200);
        assertEquals(1, fixtures.transitions(referral));
    }

    @Test
    void searchFindsOnlyTheCallersTasksByOwnerStatusFocusAndLastUpdated() throws InterruptedException {
        Thread.sleep(20); // what earlier tests changed is strictly before
        Instant before = Instant.now();
        UUID requested = sentTo(serviceA);
        UUID accepted = sentTo(serviceA, ReferralStatus.ACCEPTED);
        UUID theirs = sentTo(serviceB);
        UUID draft = fixtures.referral(student, serviceA, consent, List.of("identity"));

        Set<String> all = matches(read("/fhir/Task?_count=100&_lastUpdated=ge" + before));
        assertTrue(all.containsAll(Set.of(requested.toString(), accepted.toString())), all.toString());
        assertFalse(all.contains(theirs.toString()), "another provider's Task");
        assertFalse(all.contains(draft.toString()), "a draft has no Task");

        assertEquals(Set.of(accepted.toString()), matches(read("/fhir/Task?status=accepted&_lastUpdated=ge" + before)));
        assertEquals(Set.of(requested.toString()), matches(read("/fhir/Task?focus=ServiceRequest/" + requested)));
        assertEquals(Set.of(), matches(read("/fhir/Task?owner=Organization/" + ORG_B)));
        assertEquals(Set.of(), matches(read("/fhir/Task?focus=" + theirs)));
        assertTrue(matches(read("/fhir/Task?owner=" + ORG_A + "&_count=100&status=requested,accepted")).containsAll(
                Set.of(requested.toString(), accepted.toString())));
        assertEquals(Set.of(), matches(read("/fhir/Task?_lastUpdated=lt" + before + "&focus=" + requested)));

        String page = read("/fhir/Task?_lastUpdated=ge" + before + "&_count=1");
        Bundle bundle = CONTEXT.newJsonParser().parseResource(Bundle.class, page);
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertEquals(2, bundle.getTotal());
        assertTrue(bundle.getLink("next").getUrl().contains("_offset=1"));
        assertEveryReferenceResolves(page, bundle);
    }

    @Test
    void aSearchWithAnUnknownParameterOrValueIsA400OperationOutcome() {
        outcome(given().accept(FHIR).get("/fhir/Task?patient=x"), 400);
        outcome(given().accept(FHIR).get("/fhir/Task?status=draft"), 400);
        outcome(given().accept(FHIR).get("/fhir/Task?_lastUpdated=yesterday"), 400);
        outcome(given().accept(FHIR).get("/fhir/Task?_count=1000"), 400);
        JsonPath bad = outcome(given().accept(FHIR).get("/fhir/Task?owner=nobody"), 400);
        assertTrue(bad.getString("issue[0].diagnostics").startsWith("parameter 'owner'"), bad.prettify());
    }

    @Test
    @TestSecurity(user = "prov-fhir-b", roles = "provider", attributes = @SecurityAttribute(key = "organization_id", value = ORG_B))
    void anotherProvidersTaskIsNotFoundAndCannotBeMoved() {
        UUID referral = fixtures.referral(student, serviceA, consent, List.of("identity"), List.of(), ReferralStatus.REQUESTED);
        outcome(given().accept(FHIR).get("/fhir/Task/" + referral), 404);
        Task forged = new Task();
        forged.setId(referral.toString());
        forged.setStatus(Task.TaskStatus.ACCEPTED);
        outcome(put(referral, "W/\"1\"", forged), 404);
        assertEquals("requested:null", fixtures.state(referral));
        assertEquals(1, fixtures.auditEvents(referral, "transition", "denied"), "the attempt is audited as denied");
    }

    @Test
    @TestSecurity(user = "coord-fhir", roles = "coordinator")
    void theFhirTasksAreForProvidersOnly() {
        JsonPath refused = outcome(given().accept(FHIR).get("/fhir/Task"), 403);
        assertEquals("forbidden", refused.getString("issue[0].code"));
    }

    @Test
    void afterTheFamilyRevokesTheProviderStillClosesTheLoopAndIsTold() {
        UUID referral = sentTo(serviceA, ReferralStatus.ACCEPTED);
        fixtures.revoke(consent);
        Task task = task(referral);
        assertTrue(task.getNote().stream().anyMatch(n -> n.getText().contains("withdrawn")), "the provider is told");
        task.setStatus(Task.TaskStatus.FAILED);
        task.setStatusReason(new CodeableConcept().addCoding(new Coding("urn:student-support:referral-status-reason",
                "family-declined", null)));
        put(referral, etag(referral), task).then().statusCode(200);
        assertEquals("failed:family-declined", fixtures.state(referral));
    }

    /** Every reference in the bundle's resources names the full URL of one of its entries. */
    static void assertEveryReferenceResolves(String json, Bundle bundle) {
        Set<String> fullUrls = new HashSet<>();
        String base = null;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            fullUrls.add(entry.getFullUrl());
            Resource resource = entry.getResource();
            String url = entry.getFullUrl();
            assertTrue(url.endsWith("/" + resource.fhirType() + "/" + resource.getIdPart()), url);
            base = url.substring(0, url.length() - (resource.fhirType() + "/" + resource.getIdPart()).length());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        int references = 0;
        while (m.find()) {
            references++;
            assertTrue(fullUrls.contains(base + m.group(1)), m.group(1) + " resolves within the bundle " + fullUrls);
        }
        assertTrue(references > 0);
    }

    private static Set<String> matches(String searchset) {
        Bundle bundle = CONTEXT.newJsonParser().parseResource(Bundle.class, searchset);
        Set<String> ids = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH) {
                ids.add(entry.getResource().getIdPart());
            }
        }
        return ids;
    }
}

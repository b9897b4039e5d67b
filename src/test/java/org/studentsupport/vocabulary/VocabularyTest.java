package org.studentsupport.vocabulary;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;
import org.studentsupport.review.ReviewFixtures;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One needs vocabulary and one strengths vocabulary, a shared default extended per district. */
@QuarkusTest
class VocabularyTest {

    static final String NORTH = "dst-voc-north";
    static final String SOUTH = "dst-voc-south";
    static final String NORTH_CODE = "grandparent-caregiver";

    @Inject
    ReviewFixtures fixtures;

    @Inject
    EntityManager em;

    @Test
    @TestSecurity(user = "admin-voc-north", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = NORTH))
    void anAdministratorExtendsTheDistrictsListAndRetiresItsCodes() {
        fixtures.school(NORTH, "sch-voc-north");
        String id = northCode();
        given().queryParam("lang", "es").get("/api/v1/vocabulary-codes/" + id).then().statusCode(200)
                .body("label", equalTo("Abuelos cuidadores")).body("kind", equalTo("need")).body("districtId", notNullString());
        // a code that exists already, in the default or in the district, in any domain or kind: 409, nothing written
        given().contentType(ContentType.JSON).body(code("strength", "academic", "housing", "Housing"))
                .post("/api/v1/vocabulary-codes").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("need of the family domain in the shared default"));
        given().contentType(ContentType.JSON).body(code("need", "family", "Bad Code", "x"))
                .post("/api/v1/vocabulary-codes").then().statusCode(400).body("errors[0].pointer", equalTo("/code"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "need", "domain", "family", "code", "no-english",
                        "labels", Map.of("es", "Sin inglés")))
                .post("/api/v1/vocabulary-codes").then().statusCode(400).body("errors[0].pointer", equalTo("/labels/en"));
        assertEquals(0L, count("no-english"));
        String etag = given().get("/api/v1/vocabulary-codes/" + id).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("labels", Map.of("en", "Grandparent as caregiver"), "active", false))
                .put("/api/v1/vocabulary-codes/" + id).then().statusCode(200)
                .body("active", equalTo(false)).body("label", equalTo("Grandparent as caregiver"));
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("labels", Map.of("en", "x"), "active", true))
                .put("/api/v1/vocabulary-codes/" + id).then().statusCode(412);
        reactivate(id);
    }

    @Test
    @TestSecurity(user = "admin-voc-north", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = NORTH))
    void theSharedDefaultIsNotADistrictsToChange() {
        String housing = given().queryParam("kind", "need").queryParam("domain", "family").queryParam("size", 200)
                .get("/api/v1/vocabulary-codes").then().statusCode(200)
                .body("items.kind", everyItem(equalTo("need"))).body("items.domain", everyItem(equalTo("family")))
                .extract().path("items.find { it.code == 'housing' }.id");
        String etag = given().get("/api/v1/vocabulary-codes/" + housing).then().statusCode(200)
                .body("districtId", nullValue()).body("labels.es", equalTo("Estabilidad de vivienda")).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("labels", Map.of("en", "Homes"), "active", false))
                .put("/api/v1/vocabulary-codes/" + housing).then().statusCode(409);
        given().get("/api/v1/vocabulary-codes/" + housing).then().body("active", equalTo(true)).body("label", equalTo("Housing stability"));
    }

    @Test
    @TestSecurity(user = "admin-voc-south", roles = "admin", attributes = @SecurityAttribute(key = "district_id", value = SOUTH))
    void anotherDistrictNeitherSeesNorEditsTheCode() {
        fixtures.school(SOUTH, "sch-voc-south");
        String id = northCodeDirectly();
        given().queryParam("size", 200).get("/api/v1/vocabulary-codes").then().statusCode(200)
                .body("items.code", not(hasItem(NORTH_CODE))).body("items.code", hasItem("housing"));
        given().get("/api/v1/vocabulary-codes/" + id).then().statusCode(404);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("labels", Map.of("en", "x"), "active", false))
                .put("/api/v1/vocabulary-codes/" + id).then().statusCode(404);
        // the same code may exist in another district
        given().contentType(ContentType.JSON).body(code("strength", "family", NORTH_CODE, "Grandparents help"))
                .post("/api/v1/vocabulary-codes").then().statusCode(anyOf201or409());
    }

    @Test
    @TestSecurity(user = "coord-voc", roles = "coordinator", attributes = {
            @SecurityAttribute(key = "district_id", value = SOUTH), @SecurityAttribute(key = "school_ids", value = "sch-voc-coord")})
    void reviewsAndPlansTakeOnlyTheirDistrictsCodesOfTheRightKind() {
        northCodeDirectly();
        UUID school = fixtures.school(SOUTH, "sch-voc-coord");
        UUID year = fixtures.schoolYear(SOUTH, "yr-voc-2027");
        UUID period = fixtures.fall(year);
        UUID classId = fixtures.classSection(school, year, "Vocabulary class");
        UUID student = fixtures.enrolledStudents(classId, school, "03", 1).get(0);
        given().contentType(ContentType.JSON)
                .body(Map.of("entries", List.of(Map.of("studentId", student.toString(), "tier", "2", "domains", Map.of(
                        "family", Map.of("needs", List.of("housing", NORTH_CODE, "supportive-family"), "strengths", List.of("housing")))))))
                .put("/api/v1/classes/" + classId + "/reviews/" + period).then().statusCode(422)
                .body("errors", hasSize(3))
                .body("errors[0].pointer", equalTo("/entries/0/domains/family/strengths/0"))
                .body("errors[0].message", containsString("'housing' is a need code, not a strength"))
                .body("errors[1].pointer", equalTo("/entries/0/domains/family/needs/1"))
                .body("errors[1].message", containsString("not a code of the needs vocabulary"))
                .body("errors[2].pointer", equalTo("/entries/0/domains/family/needs/2"))
                .body("errors[2].message", containsString("'supportive-family' is a strength code, not a need"));
        assertEquals(0, fixtures.reviews(classId));

        given().contentType(ContentType.JSON).body(Map.of("concerns", "Frequent absences", "needs", List.of("attendance", "empathy"),
                        "supports", List.of(Map.of("category", "early-intervention", "description", "Mentoring", "needs", List.of("nope")))))
                .post("/api/v1/students/" + student + "/individual-reviews").then().statusCode(422)
                .body("errors.pointer", equalTo(List.of("/needs/1", "/supports/0/needs/0")));
        assertEquals(0L, plans(student));
        given().contentType(ContentType.JSON).body(Map.of("concerns", "Frequent absences", "needs", List.of("attendance"),
                        "supports", List.of(Map.of("category", "early-intervention", "description", "Mentoring", "needs", List.of("attendance")))))
                .post("/api/v1/students/" + student + "/individual-reviews").then().statusCode(201)
                .body("needs", equalTo(List.of("attendance"))).body("supports[0].needs", equalTo(List.of("attendance")));
        assertEquals("attendance", planNeeds(student));
    }

    private static org.hamcrest.Matcher<Integer> anyOf201or409() {
        return org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(409));
    }

    private static org.hamcrest.Matcher<String> notNullString() {
        return org.hamcrest.Matchers.notNullValue(String.class);
    }

    private static Map<String, Object> code(String kind, String domain, String code, String en) {
        return Map.of("kind", kind, "domain", domain, "code", code, "labels", Map.of("en", en));
    }

    /** The north district's own code, created through the API (or found when another test made it). */
    private String northCode() {
        List<String> ids = given().queryParam("size", 200).get("/api/v1/vocabulary-codes").then().statusCode(200)
                .extract().path("items.findAll { it.code == '" + NORTH_CODE + "' }.id");
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return given().contentType(ContentType.JSON).body(Map.of("kind", "need", "domain", "family", "code", NORTH_CODE,
                        "labels", Map.of("en", "Grandparent caregiver", "es", "Abuelos cuidadores")))
                .post("/api/v1/vocabulary-codes").then().statusCode(201)
                .body("domain", equalTo("family")).body("active", equalTo(true)).extract().path("id");
    }

    @Transactional
    String northCodeDirectly() {
        UUID district = fixtures.districtId(NORTH);
        List<VocabularyCode> found = em.createQuery("from VocabularyCode c where c.code = :c and c.districtId = :d", VocabularyCode.class)
                .setParameter("c", NORTH_CODE).setParameter("d", district).getResultList();
        if (!found.isEmpty()) {
            return found.get(0).id.toString();
        }
        VocabularyCode code = new VocabularyCode(district, CodeKind.NEED, "family", NORTH_CODE,
                Map.of("en", "Grandparent caregiver", "es", "Abuelos cuidadores"));
        em.persist(code);
        return code.id.toString();
    }

    @Transactional
    void reactivate(String id) {
        em.find(VocabularyCode.class, UUID.fromString(id)).active = true;
    }

    @Transactional
    long count(String code) {
        return em.createQuery("select count(c) from VocabularyCode c where c.code = :c", Long.class).setParameter("c", code).getSingleResult();
    }

    @Transactional
    long plans(UUID student) {
        return em.createQuery("select count(r) from IndividualReview r where r.studentId = :s", Long.class).setParameter("s", student).getSingleResult();
    }

    @Transactional
    String planNeeds(UUID student) {
        return (String) em.createNativeQuery("SELECT need_codes FROM individual_review WHERE student_id = ?1").setParameter(1, student)
                .getSingleResult();
    }
}

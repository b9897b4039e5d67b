package org.studentsupport.referral;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The HTTP calls the referral tests make again and again. */
final class ReferralCalls {

    private ReferralCalls() {
    }

    /** A complete draft body relying on a consent (null: none). */
    static Map<String, Object> draft(UUID serviceId, UUID consentId, List<String> categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("serviceId", serviceId.toString());
        body.put("reasonCodes", List.of("anxiety", "reading"));
        body.put("reasonText", "Worried since the move; reading has dropped");
        body.put("urgency", "soon");
        body.put("purpose", "mentoring");
        body.put("sharedCategories", categories);
        body.put("internalNotes", "INTERNAL: father recently incarcerated");
        body.put("sharedNotes", "Loves soccer; best reached after 5 pm");
        if (consentId != null) {
            body.put("consentId", consentId.toString());
        }
        return body;
    }

    static Response create(UUID studentId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/v1/students/" + studentId + "/referrals");
    }

    static UUID createDraft(UUID studentId, Map<String, Object> body) {
        return UUID.fromString(create(studentId, body).then().log().ifValidationFails().statusCode(201).extract().path("id"));
    }

    static String etag(UUID referralId) {
        return given().get("/api/v1/referrals/" + referralId).then().statusCode(200).extract().header("ETag");
    }

    static String providerEtag(UUID referralId) {
        return given().get("/api/v1/provider/referrals/" + referralId).then().statusCode(200).extract().header("ETag");
    }

    static Response send(UUID referralId, String etag) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of())
                .post("/api/v1/referrals/" + referralId + "/send");
    }

    static Response move(UUID referralId, String etag, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/api/v1/referrals/" + referralId + "/transitions");
    }
}

package org.studentsupport.roster;

import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

/** Starts an import through the API (as the test's admin) and waits for it to finish. */
public final class ImportCalls {

    private ImportCalls() {
    }

    public static JsonPath importAndWait(byte[] zip, boolean dryRun) {
        String location = given().contentType("application/zip").body(zip).queryParam("dryRun", dryRun)
                .post("/api/v1/roster-imports")
                .then().statusCode(202).header("Location", startsWith("http")).extract().header("Location");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath job = given().get(location).then().statusCode(200).extract().jsonPath();
            String status = job.getString("status");
            if (!status.equals("queued") && !status.equals("running")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("The import did not finish in time: " + location);
    }

    public static JsonPath importAndWait(byte[] zip) {
        return importAndWait(zip, false);
    }
}

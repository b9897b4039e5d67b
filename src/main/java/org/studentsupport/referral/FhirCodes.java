package org.studentsupport.referral;

/**
 * The systems and profiles the FHIR shapes use. Standard systems where a standard has the concept;
 * this service's own ({@code urn:student-support:…}) for what only it defines.
 */
public final class FhirCodes {

    /** Prefix of this service's own code systems. */
    public static final String LOCAL = "urn:student-support:";

    public static final String TASK_PROFILE =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement";
    public static final String SERVICE_REQUEST_PROFILE =
            "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest";

    static final String TASK_CODE = "http://hl7.org/fhir/CodeSystem/task-code";
    static final String SNOMED = "http://snomed.info/sct";
    static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";
    static final String BCP47 = "urn:ietf:bcp:47";

    static final String STATUS_REASON = LOCAL + "referral-status-reason";
    static final String OUTCOME = LOCAL + "referral-outcome";
    static final String TASK_OUTPUT = LOCAL + "task-output";
    static final String BUSINESS_STATUS = LOCAL + "business-status";
    static final String DIRECTORY_SERVICE = LOCAL + "directory-service";
    static final String RELATIONSHIP = LOCAL + "relationship";
    /** The system of a provider's pseudonymous identifier of a student; the assigner names the provider. */
    public static final String PSEUDONYM = LOCAL + "provider-pseudonym";

    /** The output type that carries the outcome of a completed referral. */
    static final String OUTCOME_OUTPUT = "outcome";

    private FhirCodes() {
    }

    /** One coding: system, code and (when known) display. */
    record Code(String system, String code, String display) {
    }
}

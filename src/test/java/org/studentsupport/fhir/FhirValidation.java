package org.studentsupport.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import org.studentsupport.referral.FhirCodes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * HAPI FHIR's instance validator with the default chain, offline: the base R4 structure definitions,
 * value sets and code systems, the common code systems (languages, countries …) in memory. The SDOH
 * Clinical Care (and Subscriptions Backport) profiles the resources declare cannot be loaded here (no
 * package registry), so they are validated against base R4; every error fails the test.
 */
public final class FhirValidation {

    private static FhirValidator validator;

    /** The profiles declared that no package here holds: the SDOH Clinical Care ones and the Subscriptions Backport's. */
    static final List<String> SDOH_PROFILES = List.of(FhirCodes.TASK_PROFILE, FhirCodes.SERVICE_REQUEST_PROFILE,
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4",
            "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4");

    private FhirValidation() {
    }

    static synchronized FhirValidator validator() {
        if (validator == null) {
            FhirContext context = FhirContext.forR4();
            ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(context),
                    new InMemoryTerminologyServerValidationSupport(context), new CommonCodeSystemsTerminologyService(context),
                    new SnapshotGeneratingValidationSupport(context));
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            validator = context.newValidator().registerValidatorModule(module);
        }
        return validator;
    }

    /**
     * The messages of severity error or fatal for a resource in FHIR JSON, but for the one the validator
     * must give here: that a declared SDOH Clinical Care profile could not be found (and so was not checked).
     */
    public static List<String> errors(String json) {
        ValidationResult result = validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !isUnreachableSdohProfile(m.getMessage()))
                .map(FhirValidation::describe).toList();
    }

    private static boolean isUnreachableSdohProfile(String message) {
        boolean names = SDOH_PROFILES.stream().anyMatch(p -> message.contains("'" + p + "'") || message.endsWith("url=" + p));
        return names && (message.contains("could not be found") || message.contains("Failed to retrieve profile"));
    }

    /** Every message, for looking at what the validator says. */
    public static List<String> messages(String json) {
        return validator().validateWithResult(json).getMessages().stream().map(FhirValidation::describe).toList();
    }

    public static void assertValid(String json) {
        assertEquals(List.of(), errors(json), () -> "validator errors for " + json.substring(0, Math.min(400, json.length())));
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}

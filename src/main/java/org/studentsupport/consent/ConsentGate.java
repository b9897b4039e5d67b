package org.studentsupport.consent;

import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The consent gate: may student data be disclosed to a party, and on what basis? Either a written
 * consent that covers the disclosure on the day (FERPA 99.30), or the health-or-safety emergency
 * exception (99.31(a)(10), 99.36); otherwise the disclosure is refused, naming each requirement that
 * is not met by the field of the disclosing request it concerns. Plain Java: no database, no framework.
 */
public final class ConsentGate {

    public static final String EMERGENCY = "health-or-safety-emergency";

    private ConsentGate() {
    }

    /** What is to be disclosed, to whom, on which day, and what it relies on (a consent, the emergency exception, or nothing). */
    public record Request(LocalDate day, UUID organizationId, String purpose, List<String> categories, Consent consent,
                          Emergency emergency) {
    }

    /**
     * The health-or-safety emergency exception as relied on: the articulable and significant threat and
     * the parties informed of it (99.32(a)(5)); without both it is no basis.
     */
    public record Emergency(String threat, String partiesInformed) {
    }

    /** The gate's answer. */
    public sealed interface Decision permits ByConsent, ByEmergency, Refused {

        default boolean allowed() {
            return !(this instanceof Refused);
        }

        /** The requirements not met; empty when the disclosure is allowed. */
        default List<Violation> violations() {
            return List.of();
        }
    }

    /** Allowed: the consent covers the disclosure. */
    public record ByConsent(Consent consent) implements Decision {
    }

    /** Allowed without consent: the health-or-safety emergency exception, with its threat and the parties informed. */
    public record ByEmergency(Emergency emergency) implements Decision {
    }

    /** Refused: each requirement that is not met, by the field of the request it concerns. */
    public record Refused(List<Violation> violations) implements Decision {

        public Refused {
            violations = List.copyOf(violations);
        }
    }

    /**
     * What is wrong with the basis itself, whatever is disclosed: one basis only (a consent or the
     * emergency exception), and an emergency only with its threat and the parties informed.
     */
    public static List<Violation> basisFaults(Consent consent, Emergency emergency) {
        List<Violation> faults = new ArrayList<>();
        if (emergency == null) {
            return faults;
        }
        if (consent != null) {
            faults.add(Violation.atPointer("/emergency", "rely on a consent or on the emergency exception, not both"));
        }
        if (blank(emergency.threat())) {
            faults.add(Violation.atPointer("/emergency/threat",
                    "the emergency exception needs the articulable and significant threat (34 CFR 99.32(a)(5))"));
        }
        if (blank(emergency.partiesInformed())) {
            faults.add(Violation.atPointer("/emergency/partiesInformed", "the emergency exception needs the parties informed"));
        }
        return faults;
    }

    public static Decision decide(Request request) {
        List<Violation> faults = basisFaults(request.consent(), request.emergency());
        if (!faults.isEmpty()) {
            return new Refused(faults);
        }
        if (request.emergency() != null) {
            return new ByEmergency(request.emergency());
        }
        if (request.consent() == null) {
            return new Refused(List.of(Violation.atPointer("/consentId", "no consent is named: name a consent that covers "
                    + "organization " + request.organizationId() + ", purpose '" + request.purpose() + "' and categories "
                    + request.categories() + ", or use the health-or-safety emergency exception")));
        }
        List<Violation> gaps = new ArrayList<>();
        for (Consent.Gap gap : request.consent().gaps(request.day(), request.organizationId(), request.purpose(),
                request.categories())) {
            gaps.add(Violation.atPointer("/" + gap.field(), gap.message()));
        }
        return gaps.isEmpty() ? new ByConsent(request.consent()) : new Refused(gaps);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

package org.studentsupport.consent;

import org.junit.jupiter.api.Test;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consent gate as plain Java: consent, emergency or refusal, and each refusal's violations by pointer. */
class ConsentGatePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 10, 15);
    static final UUID PROVIDER = UUID.fromString("00000000-0000-4000-8000-00000000c0de");
    static final List<String> SHARED = List.of("identity", "contact");

    static final ConsentGate.Emergency THREAT = new ConsentGate.Emergency("Student stated a plan to harm himself tonight",
            "mother; school nurse");

    static ConsentGate.Request request(Consent consent, ConsentGate.Emergency emergency) {
        return new ConsentGate.Request(TODAY, PROVIDER, "mentoring", SHARED, consent, emergency);
    }

    @Test
    void aCoveringConsentAllowsTheDisclosureOnThatConsent() {
        Consent consent = ConsentGapsTest.consent(PROVIDER, List.of("mentoring"), List.of("identity", "contact", "demographics"));
        ConsentGate.Decision decision = ConsentGate.decide(request(consent, null));
        assertTrue(decision.allowed());
        assertSame(consent, assertInstanceOf(ConsentGate.ByConsent.class, decision).consent());
        assertTrue(decision.violations().isEmpty());
    }

    @Test
    void theEmergencyExceptionAllowsTheDisclosureWithoutConsent() {
        ConsentGate.Decision decision = ConsentGate.decide(request(null, THREAT));
        assertSame(THREAT, assertInstanceOf(ConsentGate.ByEmergency.class, decision).emergency());
        assertTrue(decision.allowed());
    }

    @Test
    void noConsentAndNoEmergencyIsRefusedAtTheConsentField() {
        ConsentGate.Decision decision = ConsentGate.decide(request(null, null));
        assertFalse(decision.allowed());
        Violation only = assertInstanceOf(ConsentGate.Refused.class, decision).violations().get(0);
        assertEquals(1, decision.violations().size());
        assertEquals("/consentId", only.pointer());
        assertTrue(only.message().startsWith("no consent is named"), only.message());
        assertTrue(only.message().contains(PROVIDER.toString()), only.message());
    }

    @Test
    void aConsentThatDoesNotCoverIsRefusedWithEachGapByPointer() {
        Consent consent = ConsentGapsTest.consent(UUID.randomUUID(), List.of("tutoring"), List.of("identity"));
        ConsentGate.Decision decision = ConsentGate.decide(request(consent, null));
        assertFalse(decision.allowed());
        assertEquals(List.of("/consentId", "/purpose", "/sharedCategories"),
                decision.violations().stream().map(Violation::pointer).toList());
        assertTrue(decision.violations().get(2).message().contains("[contact]"));
    }

    @Test
    void theEmergencyExceptionWithoutItsThreatOrThePartiesInformedIsNoBasis() {
        ConsentGate.Decision decision = ConsentGate.decide(request(null, new ConsentGate.Emergency(" ", null)));
        assertFalse(decision.allowed());
        assertEquals(List.of("/emergency/threat", "/emergency/partiesInformed"),
                decision.violations().stream().map(Violation::pointer).toList());
        assertTrue(decision.violations().get(0).message().contains("articulable and significant threat"));
    }

    @Test
    void aConsentAndTheEmergencyExceptionTogetherAreRefused() {
        Consent covering = ConsentGapsTest.consent(PROVIDER, List.of("mentoring"), SHARED);
        ConsentGate.Decision decision = ConsentGate.decide(request(covering, THREAT));
        assertInstanceOf(ConsentGate.Refused.class, decision);
        assertEquals(List.of("/emergency"), decision.violations().stream().map(Violation::pointer).toList());
        assertTrue(decision.violations().get(0).message().contains("not both"));
    }
}

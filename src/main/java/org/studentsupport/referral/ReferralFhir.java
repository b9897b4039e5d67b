package org.studentsupport.referral;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.studentsupport.consent.Consent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A referral as FHIR R4 resources, shaped after the SDOH Clinical Care guide's closed-loop referral: a
 * {@code Task} (status one to one with the referral's) whose focus is a {@code ServiceRequest}, for a
 * {@code Patient} that carries only what was disclosed and is known by a per-provider pseudonym, owned by
 * the provider's {@code Organization}, requested by the school's, under a {@code Consent}. The one mapping:
 * the referral export and {@code /fhir} both render through it, and a Task update is read back through
 * {@link FhirTaskChange}. A draft has no Task: nothing has been asked of anyone yet.
 *
 * <p>Resource ids: the Task and the ServiceRequest take the referral's id (they are different types),
 * the Patient the pseudonym, the Organizations the directory organization's and the school's ids, the
 * Consent its id. References are relative ({@code Task/…}); in a bundle every full URL is
 * {@code <base>/<type>/<id>}, so each reference resolves to an entry of the bundle.
 */
final class ReferralFhir {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private static final Map<String, String> OUTCOME_LABELS = Map.of(
            "goals-met", "Goals met", "partially-met", "Goals partially met", "not-met", "Goals not met");

    private final Referral r;
    private final DisclosedData data;
    private final UUID pseudonym;
    private final LocalDate today;

    /**
     * @param data      what was last disclosed to the provider (the Patient carries only this)
     * @param pseudonym the provider's identifier of the student
     */
    ReferralFhir(Referral referral, DisclosedData data, UUID pseudonym, LocalDate today) {
        this.r = referral;
        this.data = data;
        this.pseudonym = pseudonym;
        this.today = today;
    }

    /** Whether the referral has a Task: once it has been sent. */
    boolean hasTask() {
        return r.status != ReferralStatus.DRAFT;
    }

    /** The referral as a collection: the Task (once sent), its ServiceRequest and every resource they name. */
    Bundle bundle(String base) {
        Bundle bundle = new Bundle();
        bundle.setId(r.id.toString());
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        for (Resource resource : resources()) {
            bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart()).setResource(resource);
        }
        return bundle;
    }

    /** The Task first (when there is one), then what it references. */
    List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        if (hasTask()) {
            all.add(task());
        }
        all.add(serviceRequest());
        all.add(patient());
        all.add(provider());
        all.add(school());
        if (r.consent != null) {
            all.add(consent(r.consent));
        }
        return all;
    }

    Task task() {
        Task task = new Task();
        task.setId(r.id.toString());
        task.setMeta(meta(FhirCodes.TASK_PROFILE));
        task.setStatus(Task.TaskStatus.fromCode(r.status.code()));
        task.setIntent(Task.TaskIntent.ORDER);
        task.setPriority(taskPriority());
        task.setCode(concept(FhirCodes.TASK_CODE, "fulfill", "Fulfill the focal request"));
        task.setFocus(new Reference("ServiceRequest/" + r.id));
        task.setFor(patientReference());
        if (r.requestedAt != null) {
            task.setAuthoredOn(Date.from(r.requestedAt));
        }
        if (r.updatedAt != null) {
            task.setLastModified(Date.from(r.updatedAt));
        }
        task.setRequester(schoolReference());
        task.setOwner(providerReference());
        task.setBusinessStatus(businessStatus());
        if (r.status == ReferralStatus.COMPLETED) {
            if (r.statusReasonCode != null) {
                task.addOutput().setType(concept(FhirCodes.TASK_OUTPUT, FhirCodes.OUTCOME_OUTPUT, "Outcome"))
                        .setValue(concept(FhirCodes.OUTCOME, r.statusReasonCode, OUTCOME_LABELS.get(r.statusReasonCode)));
            }
        } else if (r.statusReasonCode != null || r.statusReasonText != null) {
            CodeableConcept reason = new CodeableConcept();
            if (r.statusReasonCode != null) {
                reason.addCoding(new Coding(FhirCodes.STATUS_REASON, r.statusReasonCode, null));
            }
            reason.setText(r.statusReasonText);
            task.setStatusReason(reason);
        }
        if (r.firstServiceOn != null) {
            task.setExecutionPeriod(new Period().setStartElement(new DateTimeType(r.firstServiceOn.toString())));
        }
        if (r.followUpDue != null && r.status.isOpen()) {
            task.getRestriction().setPeriod(new Period().setEndElement(new DateTimeType(r.followUpDue.toString())));
        }
        if (r.consentWithdrawn(today)) {
            task.addNote(new Annotation().setText(ProviderReferralView.CONSENT_WITHDRAWN_NOTICE));
        }
        return task;
    }

    ServiceRequest serviceRequest() {
        ServiceRequest request = new ServiceRequest();
        request.setId(r.id.toString());
        request.setMeta(meta(FhirCodes.SERVICE_REQUEST_PROFILE));
        request.setStatus(serviceRequestStatus(r.status));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(ServiceRequest.ServiceRequestPriority.fromCode(taskPriority().toCode()));
        request.addCategory(concept(FhirCodes.SNOMED, "410606002", "Social service procedure"));
        CodeableConcept code = concept(FhirCodes.DIRECTORY_SERVICE, r.service.id.toString(), r.service.name);
        code.setText(r.service.name);
        request.setCode(code);
        request.setSubject(patientReference());
        if (r.requestedAt != null) {
            request.setAuthoredOn(Date.from(r.requestedAt));
        }
        request.setRequester(schoolReference());
        request.addPerformer(providerReference());
        for (String need : data.needCodesOrNone()) {
            CodeableConcept reason = new CodeableConcept();
            for (FhirCodes.Code c : FhirNeedCodes.codings(need)) {
                reason.addCoding(new Coding(c.system(), c.code(), c.display()));
            }
            request.addReasonCode(reason);
        }
        if (r.consent != null) {
            request.addSupportingInfo(new Reference("Consent/" + r.consent.id()).setDisplay("Consent to disclose"));
        }
        if (data.sharedNotes() != null) {
            request.addNote(new Annotation().setText(data.sharedNotes()));
        }
        request.addNote(new Annotation().setText(ProviderReferralView.REDISCLOSURE_NOTICE));
        return request;
    }

    /** The student as the provider knows it: the pseudonym and exactly the disclosed fields. */
    Patient patient() {
        Patient patient = new Patient();
        patient.setId(pseudonym.toString());
        patient.addIdentifier(new Identifier().setSystem(FhirCodes.PSEUDONYM).setValue(pseudonym.toString())
                .setAssigner(providerReference()));
        if (data.studentFirstName() != null) {
            HumanName name = patient.addName().addGiven(data.studentFirstName());
            if (data.studentLastInitial() != null) {
                name.setFamily(data.studentLastInitial());
            }
        }
        if (data.language() != null) {
            CodeableConcept language = new CodeableConcept().setText(data.language());
            if (LANGUAGE_TAG.matcher(data.language()).matches()) {
                language.addCoding(new Coding(FhirCodes.BCP47, data.language(), null));
            }
            patient.addCommunication().setLanguage(language).setPreferred(true);
        }
        for (DisclosedData.Contact c : data.familyContactsOrNone()) {
            Patient.ContactComponent contact = patient.addContact();
            contact.addRelationship(relationship(c.relationship()));
            contact.setName(new HumanName().addGiven(c.givenName()).setFamily(c.familyName()));
            if (c.phone() != null) {
                contact.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(c.phone())
                        .setRank("phone".equals(c.preferredContactMethod()) ? 1 : 2));
            }
            if (c.email() != null) {
                contact.addTelecom(new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(c.email())
                        .setRank("email".equals(c.preferredContactMethod()) ? 1 : 2));
            }
        }
        return patient;
    }

    Organization provider() {
        Organization organization = new Organization();
        organization.setId(r.organizationId.toString());
        organization.setActive(true);
        organization.setName(r.service.organization.name);
        return organization;
    }

    Organization school() {
        Organization organization = new Organization();
        organization.setId(r.schoolId.toString());
        organization.setActive(true);
        organization.setName(r.student.school.name);
        organization.addType(concept("http://terminology.hl7.org/CodeSystem/organization-type", "edu", "Educational Institute"));
        return organization;
    }

    org.hl7.fhir.r4.model.Consent consent(Consent consent) {
        org.hl7.fhir.r4.model.Consent fhir = new org.hl7.fhir.r4.model.Consent();
        fhir.setId(consent.id().toString());
        LocalDate ended = consent.endedOn(today);
        fhir.setStatus(ended == null ? org.hl7.fhir.r4.model.Consent.ConsentState.ACTIVE
                : org.hl7.fhir.r4.model.Consent.ConsentState.INACTIVE);
        fhir.setScope(concept(FhirCodes.CONSENT_SCOPE, "patient-privacy", "Privacy Consent"));
        fhir.addCategory(concept("http://loinc.org", "59284-0", "Patient Consent"));
        fhir.setPatient(patientReference());
        fhir.setDateTimeElement(new DateTimeType(consent.signedOn().toString()));
        fhir.addOrganization(schoolReference());
        fhir.addPolicy().setUri("https://www.ecfr.gov/current/title-34/subtitle-A/part-99/subpart-D/section-99.30");
        org.hl7.fhir.r4.model.Consent.ProvisionComponent provision = fhir.getProvision();
        provision.setType(org.hl7.fhir.r4.model.Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStartElement(new DateTimeType(consent.signedOn().toString()));
        LocalDate last = ended != null ? ended.minusDays(1) : consent.expiresOn();
        if (last != null && !last.isBefore(consent.signedOn())) {
            period.setEndElement(new DateTimeType(last.toString()));
        }
        provision.setPeriod(period);
        return fhir;
    }

    private Reference patientReference() {
        return new Reference("Patient/" + pseudonym);
    }

    private Reference providerReference() {
        return new Reference("Organization/" + r.organizationId).setDisplay(r.service.organization.name);
    }

    private Reference schoolReference() {
        return new Reference("Organization/" + r.schoolId).setDisplay(r.student.school.name);
    }

    private Meta meta(String profile) {
        Meta meta = new Meta();
        meta.setVersionId(Long.toString(r.version));
        if (r.updatedAt != null) {
            meta.setLastUpdated(Date.from(r.updatedAt));
        }
        meta.addProfile(profile);
        return meta;
    }

    private Task.TaskPriority taskPriority() {
        return switch (r.urgency) {
            case "urgent" -> Task.TaskPriority.ASAP;
            case "soon" -> Task.TaskPriority.URGENT;
            default -> Task.TaskPriority.ROUTINE;
        };
    }

    /** Where the referral stands beyond its status: overdue, or what each side waits for. */
    private CodeableConcept businessStatus() {
        boolean overdue = r.status.isOpen() && r.followUpDue != null && r.followUpDue.isBefore(today);
        String[] status = overdue ? new String[]{"overdue", "Overdue: the follow-up date " + r.followUpDue + " has passed"}
                : switch (r.status) {
                    case REQUESTED -> new String[]{"awaiting-provider", "Waiting for the provider to accept or reject"};
                    case ACCEPTED -> new String[]{"awaiting-first-service", "Accepted; waiting for the first service"};
                    case IN_PROGRESS -> new String[]{"service-started", "Service started"};
                    case ON_HOLD -> new String[]{"on-hold", "On hold"};
                    default -> new String[]{"closed", "Closed: " + r.status.code()};
                };
        CodeableConcept concept = concept(FhirCodes.BUSINESS_STATUS, status[0], null);
        concept.setText(status[1]);
        return concept;
    }

    static ServiceRequest.ServiceRequestStatus serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> ServiceRequest.ServiceRequestStatus.DRAFT;
            case REQUESTED, ACCEPTED, IN_PROGRESS -> ServiceRequest.ServiceRequestStatus.ACTIVE;
            case ON_HOLD -> ServiceRequest.ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequest.ServiceRequestStatus.COMPLETED;
            case REJECTED, FAILED, CANCELLED -> ServiceRequest.ServiceRequestStatus.REVOKED;
            case ENTERED_IN_ERROR -> ServiceRequest.ServiceRequestStatus.ENTEREDINERROR;
        };
    }

    /** A family member's relationship: HL7 RoleCode, then the local code. */
    private static CodeableConcept relationship(String local) {
        CodeableConcept concept = new CodeableConcept();
        switch (local == null ? "other" : local) {
            case "parent" -> concept.addCoding(new Coding(FhirCodes.ROLE_CODE, "PRN", "parent"));
            case "guardian" -> concept.addCoding(new Coding(FhirCodes.ROLE_CODE, "GUARD", "guardian"));
            case "relative" -> concept.addCoding(new Coding(FhirCodes.ROLE_CODE, "FAMMEMB", "family member"));
            default -> concept.addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0131", "O", "Other"));
        }
        if (local != null) {
            concept.addCoding(new Coding(FhirCodes.RELATIONSHIP, local, null));
        }
        return concept;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}

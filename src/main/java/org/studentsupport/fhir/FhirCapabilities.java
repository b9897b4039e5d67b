package org.studentsupport.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.studentsupport.referral.FhirCodes;

import java.util.Date;

/** What the {@code /fhir} endpoint offers, as its CapabilityStatement says it. */
final class FhirCapabilities {

    private FhirCapabilities() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.setName("StudentSupportReferrals");
        statement.setTitle("Student support referrals for community providers");
        statement.setDescription("The Tasks of the referrals sent to your organization: read, search, and update to accept, "
                + "reject, start, hold, complete or end them (the referral workflow's rules apply).");
        statement.getSoftware().setName("student-support");
        statement.getImplementation().setDescription("Student support referral exchange").setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("application/fhir+json");
        statement.addFormat("json");
        CapabilityStatement.CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(false).setDescription("OAuth 2.0 bearer token of a provider user (role provider, "
                + "claim organization_id); only the Tasks of referrals sent to that organization are visible.")
                .addService(new CodeableConcept().addCoding(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")));
        CapabilityStatement.CapabilityStatementRestResourceComponent task = rest.addResource();
        task.setType("Task");
        task.setProfile(FhirCodes.TASK_PROFILE);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        task.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.UPDATE)
                .setDocumentation("Changes status, statusReason, businessStatus (as the move's note) and output (the outcome "
                        + "of a completed referral); If-Match W/\"<versionId>\" required. A move the workflow does not allow: 409; "
                        + "a move without what it must carry: 422; nothing is changed.");
        task.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        task.setUpdateCreate(false);
        task.setConditionalCreate(false);
        task.setConditionalUpdate(false);
        task.setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
        task.addSearchParam().setName("owner").setType(Enumerations.SearchParamType.REFERENCE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Task-owner");
        task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Task-status");
        task.addSearchParam().setName("focus").setType(Enumerations.SearchParamType.REFERENCE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Task-focus");
        task.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE)
                .setDefinition("http://hl7.org/fhir/SearchParameter/Resource-lastUpdated");
        task.addSearchParam().setName("_count").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("1 to 100, default 20");
        task.addSearchParam().setName("_offset").setType(Enumerations.SearchParamType.NUMBER)
                .setDocumentation("Skip this many; the next link carries it");
        return statement;
    }
}

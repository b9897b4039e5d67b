package org.studentsupport.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * How the contract describes a FHIR R4 Bundle: its envelope. The resources themselves are FHIR R4
 * (Task, ServiceRequest, Patient, Organization, Consent), as the FHIR specification defines them; the
 * service writes them with HAPI FHIR's parser, not from this class.
 */
@Schema(name = "FhirBundle", description = "FHIR R4 Bundle (https://hl7.org/fhir/R4/bundle.html): a collection holding the "
        + "referral's Task (once sent), its ServiceRequest and every resource they reference")
public record FhirBundleSchema(
        @Schema(enumeration = "Bundle", maxLength = 10) String resourceType,
        @Schema(maxLength = 64) String id,
        @Schema(enumeration = {"collection", "searchset"}, maxLength = 20) String type,
        @Schema(maxLength = 35) String timestamp,
        @Schema(maxItems = 10) List<Entry> entry) {

    @Schema(name = "FhirBundleEntry")
    public record Entry(
            @Schema(description = "<base>/fhir/<type>/<id>: the resource's URL, which its references resolve against",
                    maxLength = 300) String fullUrl,
            @Schema(description = "A FHIR R4 resource; `resourceType` names which") Map<String, Object> resource) {
    }
}

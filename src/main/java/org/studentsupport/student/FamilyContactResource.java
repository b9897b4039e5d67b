package org.studentsupport.student;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.AuditTrail;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.web.ETags;

import java.util.UUID;

@Path("/api/v1/family-contacts")
@Tag(name = "Family contacts", description = "Parents, guardians and relatives of students")
@Produces(MediaType.APPLICATION_JSON)
public class FamilyContactResource {

    private final StudentService service;
    private final AuditTrail audit;

    public FamilyContactResource(StudentService service, AuditTrail audit) {
        this.service = service;
        this.audit = audit;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Audited(action = AuditAction.READ, object = "family-contact", id = "id")
    @Operation(operationId = "getFamilyContact", summary = "Get a family contact",
            description = "Visible when one of the contact's students is in your scope; 404 otherwise.")
    public RestResponse<FamilyContactView> get(@PathParam("id") UUID id) {
        FamilyContact contact = service.contact(id);
        // The contact's students are known only once it is found.
        audit.students(service.visibleStudentsOf(id));
        return RestResponse.ResponseBuilder.ok(FamilyContactView.from(contact)).tag(ETags.of(contact.version)).build();
    }

    @PUT
    @Path("/{id}/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Audited(action = AuditAction.UPDATE, object = "family-contact", id = "id")
    @Operation(operationId = "updateFamilyContactPreferences", summary = "Set how a family prefers to be reached",
            description = "The local fields the roster does not carry (preferred contact method, contact notes). Coordinators of a school "
                    + "where one of the contact's students is. Requires If-Match with the contact's current ETag; a later roster import keeps them.")
    public RestResponse<FamilyContactView> updatePreferences(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                             @NotNull @Valid UpdateContactPreferencesRequest request) {
        FamilyContact contact = service.updatePreferences(id, ETags.ifMatch(ifMatch), request);
        audit.students(service.visibleStudentsOf(id));
        return RestResponse.ResponseBuilder.ok(FamilyContactView.from(contact)).tag(ETags.of(contact.version)).build();
    }
}

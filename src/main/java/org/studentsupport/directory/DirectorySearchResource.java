package org.studentsupport.directory;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.audit.AuditAction;
import org.studentsupport.audit.Audited;
import org.studentsupport.security.Roles;
import org.studentsupport.domain.Page;
import org.studentsupport.web.PageParams;

@Path("/api/v1/directory/search")
@Tag(name = "Directory")
@Produces(MediaType.APPLICATION_JSON)
public class DirectorySearchResource {

    private final DirectorySearch search;

    public DirectorySearchResource(DirectorySearch search) {
        this.search = search;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Audited(action = AuditAction.READ, object = "directory-search")
    @Operation(operationId = "searchDirectory", summary = "Find services to refer a student or family to",
            description = "Full text, taxonomy terms, languages, age (or a student's age), distance from a school or point,"
                    + " free, open on a weekday, accepting referrals; only active services. Each result says why it matched."
                    + " Ordered by relevance (with q), distance (with a point) or name, then id.")
    public Page<DirectorySearchResult> search(@BeanParam @Valid DirectorySearchParams params, @BeanParam @Valid PageParams page) {
        return search.search(params.toCriteria(), page.toRequest());
    }
}

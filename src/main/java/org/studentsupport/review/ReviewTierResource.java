package org.studentsupport.review;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentsupport.security.Roles;

@Path("/api/v1/review-tiers")
@Tag(name = "Reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewTierResource {

    private final TierScale tiers;

    public ReviewTierResource(TierScale tiers) {
        this.tiers = tiers;
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN})
    @Operation(operationId = "getTierScale", summary = "The tier scale reviews use",
            description = "Configuration (studentsupport.review.tiers), ordered from least to most need; read-only.")
    public TierScaleView tierScale() {
        return new TierScaleView(tiers.tiers());
    }
}

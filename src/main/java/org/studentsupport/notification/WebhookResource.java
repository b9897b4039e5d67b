package org.studentsupport.notification;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.studentsupport.domain.Page;
import org.studentsupport.security.Roles;
import org.studentsupport.web.PageParams;

import java.net.URI;
import java.util.UUID;

/** Webhooks of a provider organization (providers) or a district (administrators), and their delivery logs. */
@Path("/api/v1/webhooks")
@Tag(name = "Notifications")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Schema(name = "RegisterWebhookRequest")
    public record RegisterWebhookRequest(
            @NotBlank @Size(max = 2048) @Schema(description = "https URL with a public host; events are POSTed to it, signed",
                    maxLength = 2048) String url,
            @Pattern(regexp = "json|fhir", message = "must be json or fhir")
            @Schema(description = "What each delivery carries: json (the default), the service's event; fhir, the event as "
                    + "a FHIR R4 notification Bundle (type history, a SubscriptionStatus Parameters entry naming the Task)",
                    enumeration = {"json", "fhir"}, defaultValue = "json", maxLength = 4) String payloadFormat) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "registerWebhook", summary = "Register a webhook",
            description = "For your organization (provider) or district (administrator). Events: referral.sent, "
                    + "referral.accepted, referral.rejected, referral.completed, referral.overdue, consent.revoked. Each "
                    + "delivery is a JSON POST signed with HMAC-SHA256 (X-Signature-256 over `<X-Timestamp>.<body>`) carrying "
                    + "X-Event-Id; at least once, retried with backoff. With payloadFormat fhir the body is a FHIR R4 "
                    + "notification Bundle (application/fhir+json), signed the same way. The answer holds the secret, shown "
                    + "only here. A URL that "
                    + "is not https or whose host is a private, loopback or link-local address is refused (422).")
    @APIResponse(responseCode = "201", description = "The webhook, with its secret (shown only in this answer)",
            headers = @Header(name = "Location", description = "The webhook's address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference", maxLength = 2048)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookView.class)))
    public RestResponse<WebhookView> register(@NotNull @Valid RegisterWebhookRequest request) {
        WebhookView created = webhooks.register(request.url().trim(),
                request.payloadFormat() == null ? Webhooks.JSON : request.payloadFormat());
        return RestResponse.ResponseBuilder.<WebhookView>created(URI.create("/api/v1/webhooks/" + created.id()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "listWebhooks", summary = "Your webhooks")
    public Page<WebhookView> list(@BeanParam @Valid PageParams page) {
        return webhooks.list(page.toRequest());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "removeWebhook", summary = "Remove a webhook", description = "Stops its deliveries; its log stays.")
    public RestResponse<Void> remove(@PathParam("id") UUID id) {
        webhooks.remove(id);
        return RestResponse.noContent();
    }

    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's delivery log", description = "Newest event first.")
    public Page<DeliveryView> deliveries(@PathParam("id") UUID id, @BeanParam @Valid PageParams page) {
        return webhooks.deliveries(id, page.toRequest());
    }
}

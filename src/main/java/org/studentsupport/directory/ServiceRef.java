package org.studentsupport.directory;

import java.util.UUID;

/** What other features (referrals, plans) need to know of a directory service. */
public record ServiceRef(UUID serviceId, String serviceName, UUID organizationId, String organizationName,
                         String status, boolean acceptsReferrals, String capacityStatus) {

    public static ServiceRef of(ProviderService service) {
        return new ServiceRef(service.id, service.name, service.organization.id, service.organization.name,
                service.status, service.acceptsReferrals, service.capacityStatus);
    }
}

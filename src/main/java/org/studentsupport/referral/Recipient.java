package org.studentsupport.referral;

import org.studentsupport.directory.ServiceRef;

/** The service a referral is sent to, as the directory describes it at the time of sending. */
public record Recipient(String serviceName, String organizationName, boolean takesReferrals) {

    public static Recipient of(ServiceRef service) {
        return new Recipient(service.serviceName(), service.organizationName(),
                service.acceptsReferrals() && "active".equals(service.status()));
    }
}

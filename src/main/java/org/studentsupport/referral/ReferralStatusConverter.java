package org.studentsupport.referral;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a status by its FHIR code, as the table's CHECK lists them. */
@Converter
public class ReferralStatusConverter implements AttributeConverter<ReferralStatus, String> {

    @Override
    public String convertToDatabaseColumn(ReferralStatus status) {
        return status == null ? null : status.code();
    }

    @Override
    public ReferralStatus convertToEntityAttribute(String code) {
        return code == null ? null : ReferralStatus.fromCode(code);
    }
}

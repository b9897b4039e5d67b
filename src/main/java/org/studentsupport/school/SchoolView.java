package org.studentsupport.school;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "School")
public record SchoolView(
        UUID id,
        @Schema(description = "OneRoster sourcedId", maxLength = 255) String sourcedId,
        @Schema(description = "OneRoster sourcedId of the district", maxLength = 255) String districtSourcedId,
        @Schema(maxLength = 255) String name,
        @Schema(description = "The district's school number", maxLength = 255) String identifier,
        Address address,
        @Schema(minimum = "-90", maximum = "90", format = "double") Double latitude,
        @Schema(minimum = "-180", maximum = "180", format = "double") Double longitude) {

    static SchoolView from(School school) {
        return new SchoolView(school.id, school.sourcedId, school.district.sourcedId, school.name, school.identifier,
                school.address(), school.latitude, school.longitude);
    }
}

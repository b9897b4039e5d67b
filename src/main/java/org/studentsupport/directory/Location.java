package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A place where services are delivered (HSDS {@code location}); its coordinates drive distance search. */
@Entity
@Table(name = "dir_location")
public class Location extends DirectoryRecord {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "location_type", nullable = false)
    public String locationType = "physical";

    public String name;
    public String description;
    public Double latitude;
    public Double longitude;

    protected Location() {
    }

    public Location(UUID id, UUID organizationId) {
        this.id = id;
        this.organizationId = organizationId;
    }
}

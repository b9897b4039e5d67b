package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A community provider organization (HSDS {@code organization}). Provider users act for one. */
@Entity
@Table(name = "dir_organization")
public class Organization extends DirectoryRecord {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "alternate_name")
    public String alternateName;

    public String description;
    public String email;
    public String website;

    @Column(name = "parent_organization_id")
    public UUID parentOrganizationId;

    protected Organization() {
    }

    public Organization(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}

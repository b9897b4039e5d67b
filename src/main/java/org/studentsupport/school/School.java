package org.studentsupport.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/**
 * A school. Its identity comes from the roster (OneRoster {@code orgs.csv}); its address and
 * coordinates are local fields kept here, since rosters do not carry them.
 */
@Entity
@Table(name = "school")
public class School {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "district_id", nullable = false)
    public District district;

    @Column(nullable = false)
    public String name;

    /** The district's own school number (OneRoster {@code identifier}). */
    public String identifier;

    public String street;
    public String city;
    public String region;
    @Column(name = "postal_code")
    public String postalCode;
    public String country;
    public Double latitude;
    public Double longitude;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected School() {
    }

    public School(String sourcedId, District district, String name) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.district = district;
        this.name = name;
    }

    /** Replaces the local location fields: the address and the coordinates used for distance search. */
    public void relocate(Address address, Double latitude, Double longitude) {
        this.street = address == null ? null : address.street();
        this.city = address == null ? null : address.city();
        this.region = address == null ? null : address.region();
        this.postalCode = address == null ? null : address.postalCode();
        this.country = address == null ? null : address.country();
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public Address address() {
        if (street == null && city == null && region == null && postalCode == null && country == null) {
            return null;
        }
        return new Address(street, city, region, postalCode, country);
    }
}

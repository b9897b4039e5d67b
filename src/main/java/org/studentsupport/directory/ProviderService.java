package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A service a provider offers (HSDS {@code service}), with what a referral network adds: whether it
 * takes referrals through this system and its capacity. "Provider" keeps it clear of CDI services.
 */
@Entity
@Table(name = "dir_service")
public class ProviderService extends DirectoryRecord {

    public static final String ACCEPTING = "accepting";
    public static final String WAITLIST = "waitlist";
    public static final String FULL = "full";

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id", nullable = false)
    public Organization organization;

    @Column(name = "program_id")
    public UUID programId;

    @Column(nullable = false)
    public String name;

    public String description;

    /** HSDS service status: active, inactive, defunct, temporarily closed. */
    @Column(nullable = false)
    public String status = "active";

    @Column(name = "accepts_referrals", nullable = false)
    public boolean acceptsReferrals = true;

    /** accepting, waitlist or full. */
    @Column(name = "capacity_status", nullable = false)
    public String capacityStatus = ACCEPTING;

    @Column(name = "capacity_confirmed_at")
    public LocalDate capacityConfirmedAt;

    @Column(name = "alternate_name")
    public String alternateName;

    @Column(name = "eligibility_description")
    public String eligibilityDescription;

    /** HSDS eligibility: the youngest and oldest age served, in years. */
    @Column(name = "minimum_age")
    public java.math.BigDecimal minimumAge;

    @Column(name = "maximum_age")
    public java.math.BigDecimal maximumAge;

    protected ProviderService() {
    }

    public ProviderService(UUID id, Organization organization, String name) {
        this.id = id;
        this.organization = organization;
        this.name = name;
    }
}

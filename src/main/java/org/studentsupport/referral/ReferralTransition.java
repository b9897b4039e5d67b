package org.studentsupport.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One move of a referral's status: who, when, from, to, why. Never changed once written. */
@Entity
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.OF_REFERRAL, deduceAliasInjectionPoints = false)
@Table(name = "referral_transition")
public class ReferralTransition {

    @Id
    UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "referral_id", nullable = false, updatable = false)
    Referral referral;

    @Convert(converter = ReferralStatusConverter.class)
    @Column(name = "from_status", nullable = false, updatable = false)
    ReferralStatus fromStatus;

    @Convert(converter = ReferralStatusConverter.class)
    @Column(name = "to_status", nullable = false, updatable = false)
    ReferralStatus toStatus;

    @Column(nullable = false, updatable = false)
    String actor;

    @Column(name = "actor_side", nullable = false, updatable = false)
    String actorSide;

    @Column(nullable = false, updatable = false)
    Instant at;

    @Column(name = "reason_code", updatable = false)
    String reasonCode;

    @Column(name = "reason_text", updatable = false)
    String reasonText;

    @Column(name = "first_service_on", updatable = false)
    LocalDate firstServiceOn;

    @Column(updatable = false)
    String note;

    protected ReferralTransition() {
    }

    ReferralTransition(Referral referral, ReferralStatus from, ReferralStatus to, String actor, ActorSide side, Instant at,
                       String reasonCode, String reasonText, LocalDate firstServiceOn, String note) {
        this.id = UUID.randomUUID();
        this.referral = referral;
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.actorSide = side.code();
        this.at = at;
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
        this.firstServiceOn = firstServiceOn;
        this.note = note;
    }
}

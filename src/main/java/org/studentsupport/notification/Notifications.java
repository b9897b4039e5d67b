package org.studentsupport.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The outbox's door: a feature records an event in the transaction of the change it tells of
 * ({@link Transactional.TxType#MANDATORY}), with one delivery per recipient — each active webhook of the
 * provider organization and of the district, and (when e-mail is on) the provider's intake address and
 * the coordinator. Nothing is sent here; {@link NotificationDispatcher} sends after commit, so a change
 * rolled back tells no one and a change committed is told even if the service stops first.
 */
@ApplicationScoped
public class Notifications {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final NotificationSettings settings;

    public Notifications(EntityManager em, NotificationSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(NotificationEvent event) {
        UUID id = UUID.randomUUID();
        int inserted = em.createNativeQuery("INSERT INTO notification_event (id, kind, referral_id, organization_id, district_id, "
                        + "occurred_at, dedupe_key, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb)) "
                        + "ON CONFLICT (dedupe_key) DO NOTHING")
                .setParameter(1, id).setParameter(2, event.kind().code()).setParameter(3, event.referralId())
                .setParameter(4, event.organizationId()).setParameter(5, event.districtId())
                .setParameter(6, Timestamp.from(event.occurredAt())).setParameter(7, event.dedupeKey())
                .setParameter(8, payload(id, event).toString()).executeUpdate();
        if (inserted == 0) {
            return;
        }
        em.createNativeQuery("INSERT INTO notification_delivery (id, event_id, channel, webhook_id) "
                        + "SELECT gen_random_uuid(), ?1, 'webhook', w.id FROM webhook w WHERE w.active "
                        + "AND ((w.owner_kind = 'organization' AND w.owner_id = ?2) OR (w.owner_kind = 'district' AND w.owner_id = ?3))")
                .setParameter(1, id).setParameter(2, event.organizationId().toString()).setParameter(3, event.districtId())
                .executeUpdate();
        String providerEmail = event.providerEmail();
        String coordinatorEmail = event.coordinatorEmail();
        if (event.kind() == NotificationEvent.Kind.REFERRAL_SENT) {
            em.createNativeQuery("INSERT INTO notification_recipient (referral_id, provider_email, coordinator_email) "
                            + "VALUES (?1, ?2, ?3) ON CONFLICT (referral_id) DO UPDATE SET provider_email = EXCLUDED.provider_email, "
                            + "coordinator_email = EXCLUDED.coordinator_email")
                    .setParameter(1, event.referralId()).setParameter(2, providerEmail).setParameter(3, coordinatorEmail)
                    .executeUpdate();
        } else {
            @SuppressWarnings("unchecked")
            List<Object[]> known = em.createNativeQuery("SELECT provider_email, coordinator_email FROM notification_recipient "
                    + "WHERE referral_id = ?1").setParameter(1, event.referralId()).getResultList();
            if (!known.isEmpty()) {
                providerEmail = providerEmail != null ? providerEmail : (String) known.get(0)[0];
                coordinatorEmail = coordinatorEmail != null ? coordinatorEmail : (String) known.get(0)[1];
            }
        }
        if (!settings.email().enabled()) {
            return;
        }
        if (event.kind().mailsProvider() && providerEmail != null) {
            email(id, providerEmail, "provider");
        }
        if (event.kind().mailsCoordinator() && coordinatorEmail != null && !coordinatorEmail.equals(providerEmail)) {
            email(id, coordinatorEmail, "coordinator");
        }
    }

    private void email(UUID event, String address, String audience) {
        em.createNativeQuery("INSERT INTO notification_delivery (id, event_id, channel, address, audience) "
                        + "VALUES (?1, ?2, 'email', ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, event).setParameter(3, address).setParameter(4, audience)
                .executeUpdate();
    }

    /** What a webhook receives: ids, the kind, when, and where to read the rest; no student data. */
    private ObjectNode payload(UUID id, NotificationEvent event) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", id.toString());
        json.put("type", event.kind().code());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("referralId", event.referralId().toString());
        json.put("organizationId", event.organizationId().toString());
        json.put("waitingCount", event.waitingCount());
        ObjectNode links = json.putObject("links");
        String base = settings.linkBase().replaceAll("/+$", "");
        links.put("task", base + "/fhir/Task/" + event.referralId());
        links.put("providerReferral", base + "/api/v1/provider/referrals/" + event.referralId());
        links.put("schoolReferral", base + "/api/v1/referrals/" + event.referralId());
        return json;
    }
}

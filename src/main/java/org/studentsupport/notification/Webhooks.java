package org.studentsupport.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;
import org.studentsupport.security.CallerScope;
import org.studentsupport.security.Roles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks and their delivery log, each owned by the caller's provider organization (a provider) or
 * district (an administrator); a caller sees and removes only its own (another's is a 404). A URL the
 * service will not call ({@link WebhookUrlPolicy}) is refused at registration with a 422, nothing written.
 */
@ApplicationScoped
public class Webhooks {

    static final String JSON = "json";
    static final String FHIR = "fhir";

    private final EntityManager em;
    private final CallerScope caller;
    private final NotificationSettings settings;

    public Webhooks(EntityManager em, CallerScope caller, NotificationSettings settings) {
        this.em = em;
        this.caller = caller;
        this.settings = settings;
    }

    /** Who owns what the caller registers: its organization (provider) or district (admin). */
    record Owner(String kind, String id) {
    }

    Owner owner() {
        if (caller.roles().contains(Roles.PROVIDER) && caller.organizationId().isPresent()) {
            return new Owner("organization", caller.organizationId().get().toString());
        }
        if (caller.roles().contains(Roles.ADMIN) && caller.districtId().isPresent()) {
            return new Owner("district", caller.districtId().get());
        }
        throw new RuleBrokenException("Your sign-in names no organization or district to register a webhook for",
                List.of(Violation.atPointer("", "a provider needs its organization, an administrator its district")));
    }

    @Transactional
    public WebhookView register(String url, String payloadFormat) {
        Owner owner = owner();
        List<String> problems = WebhookUrlPolicy.problems(url, settings.webhook().allowHttp(), settings.webhook().allowLoopback(),
                WebhookUrlPolicy.DNS);
        if (!problems.isEmpty()) {
            throw new RuleBrokenException("The service will not call this URL",
                    problems.stream().map(p -> Violation.atPointer("/url", p)).toList());
        }
        long existing = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook WHERE active AND owner_kind = ?1 AND owner_id = ?2")
                .setParameter(1, owner.kind()).setParameter(2, owner.id()).getSingleResult()).longValue();
        if (existing >= settings.webhook().maxPerOwner()) {
            throw new RuleBrokenException("At most " + settings.webhook().maxPerOwner() + " webhooks per " + owner.kind(),
                    List.of(Violation.atPointer("/url", "remove a webhook first")));
        }
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO webhook (id, owner_kind, owner_id, url, secret, created_by, created_at, payload_format) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, owner.kind()).setParameter(3, owner.id()).setParameter(4, url)
                .setParameter(5, secret).setParameter(6, caller.subject()).setParameter(7, Timestamp.from(now))
                .setParameter(8, payloadFormat).executeUpdate();
        return new WebhookView(id, owner.kind(), owner.id(), url, payloadFormat, true, now, secret);
    }

    @Transactional
    public Page<WebhookView> list(PageRequest page) {
        Owner owner = owner();
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook WHERE owner_kind = ?1 AND owner_id = ?2")
                .setParameter(1, owner.kind()).setParameter(2, owner.id()).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, url, active, created_at, payload_format FROM webhook WHERE owner_kind = ?1 "
                        + "AND owner_id = ?2 ORDER BY created_at, id LIMIT ?3 OFFSET ?4")
                .setParameter(1, owner.kind()).setParameter(2, owner.id()).setParameter(3, page.size())
                .setParameter(4, page.offset()).getResultList();
        return Page.of(rows.stream().map(r -> new WebhookView((UUID) r[0], owner.kind(), owner.id(), (String) r[1],
                (String) r[4], (Boolean) r[2], instant(r[3]), null)).toList(), page, total);
    }

    /** Stops deliveries to the webhook (its log stays). */
    @Transactional
    public void remove(UUID id) {
        requireOwn(id);
        em.createNativeQuery("UPDATE webhook SET active = false WHERE id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("UPDATE notification_delivery SET status = 'failed', last_error = 'webhook removed' "
                + "WHERE webhook_id = ?1 AND status = 'pending'").setParameter(1, id).executeUpdate();
    }

    /** The webhook's delivery log, newest first. */
    @Transactional
    public Page<DeliveryView> deliveries(UUID id, PageRequest page) {
        requireOwn(id);
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM notification_delivery WHERE webhook_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.event_id, e.kind, d.status, d.attempts, d.last_attempt_at, "
                        + "d.last_http_status, d.last_error, d.delivered_at, e.occurred_at FROM notification_delivery d "
                        + "JOIN notification_event e ON e.id = d.event_id WHERE d.webhook_id = ?1 "
                        + "ORDER BY e.occurred_at DESC, d.id LIMIT ?2 OFFSET ?3")
                .setParameter(1, id).setParameter(2, page.size()).setParameter(3, page.offset()).getResultList();
        return Page.of(rows.stream().map(r -> new DeliveryView((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), instant(r[8]), instant(r[4]), r[5] == null ? null : ((Number) r[5]).intValue(),
                (String) r[6], instant(r[7]))).toList(), page, total);
    }

    private void requireOwn(UUID id) {
        Owner owner = owner();
        long found = ((Number) em.createNativeQuery("SELECT count(*) FROM webhook WHERE id = ?1 AND owner_kind = ?2 AND owner_id = ?3")
                .setParameter(1, id).setParameter(2, owner.kind()).setParameter(3, owner.id()).getSingleResult()).longValue();
        if (found == 0) {
            throw new NotFoundException("Webhook " + id);
        }
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Timestamp t ? t.toInstant() : (Instant) value;
    }
}

package org.studentsupport.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studentsupport.directory.hsds.HsdsStore;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.VersionCheck;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.security.CallerScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.studentsupport.directory.DirectoryRequests.*;

/**
 * Keeping the directory current: administrators create and edit organizations, services and
 * locations; a provider updates the capacity and status of its own organization's services only
 * (another organization's service is a 404, as if it did not exist). Every change records who and
 * when on the record and one HSDS metadata entry per changed field (the change log). Each update
 * applies the client's If-Match to the version it loads in its own transaction, and the entity's
 * version catches a change committed concurrently.
 */
@ApplicationScoped
public class DirectoryUpkeep {

    private final OrganizationRepository organizations;
    private final ProviderServiceRepository services;
    private final LocationRepository locations;
    private final HsdsStore store;
    private final SearchIndex searchIndex;
    private final CallerScope caller;
    private final Clock clock = Clock.systemUTC();

    public DirectoryUpkeep(OrganizationRepository organizations, ProviderServiceRepository services,
                           LocationRepository locations, HsdsStore store, SearchIndex searchIndex, CallerScope caller) {
        this.organizations = organizations;
        this.services = services;
        this.locations = locations;
        this.store = store;
        this.searchIndex = searchIndex;
        this.caller = caller;
    }

    // ---- organizations ---------------------------------------------------------------------

    @Transactional
    public Organization organization(UUID id) {
        return organizations.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Organization " + id));
    }

    @Transactional
    public Organization createOrganization(OrganizationRequest request) {
        Organization organization = new Organization(UUID.randomUUID(), request.name());
        Changes changes = new Changes("organization", organization.id, "create");
        apply(organization, request, changes);
        organization.updatedBy = caller.subject();
        organizations.persist(organization);
        return finish(organization, changes, List.of());
    }

    @Transactional
    public Organization updateOrganization(UUID id, VersionCheck ifMatch, OrganizationRequest request) {
        Organization organization = organization(id);
        ifMatch.require(organization.version);
        Changes changes = new Changes("organization", id, "update");
        apply(organization, request, changes);
        if (!changes.isEmpty()) {
            organization.updatedBy = caller.subject();
        }
        return finish(organization, changes, services.list("organization.id", id).stream().map(s -> s.id).toList());
    }

    private static void apply(Organization o, OrganizationRequest r, Changes changes) {
        o.name = changes.set("name", o.name, r.name());
        o.alternateName = changes.set("alternate_name", o.alternateName, r.alternateName());
        o.description = changes.set("description", o.description, r.description());
        o.email = changes.set("email", o.email, r.email());
        o.website = changes.set("website", o.website, r.website());
    }

    // ---- services --------------------------------------------------------------------------

    @Transactional
    public ProviderService service(UUID id) {
        return services.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Service " + id));
    }

    @Transactional
    public ProviderService createService(UUID organizationId, ServiceRequest request) {
        Organization organization = organization(organizationId);
        ProviderService service = new ProviderService(UUID.randomUUID(), organization, request.name());
        Changes changes = new Changes("service", service.id, "create");
        apply(service, request, changes);
        service.updatedBy = caller.subject();
        services.persist(service);
        return finish(service, changes, List.of(service.id));
    }

    @Transactional
    public ProviderService updateService(UUID id, VersionCheck ifMatch, ServiceRequest request) {
        ProviderService service = service(id);
        ifMatch.require(service.version);
        Changes changes = new Changes("service", id, "update");
        apply(service, request, changes);
        if (!changes.isEmpty()) {
            service.updatedBy = caller.subject();
        }
        return finish(service, changes, List.of(id));
    }

    private static void apply(ProviderService s, ServiceRequest r, Changes changes) {
        if (r.minimumAge() != null && r.maximumAge() != null && r.minimumAge().compareTo(r.maximumAge()) > 0) {
            throw new RuleBrokenException("minimumAge is above maximumAge", List.of());
        }
        s.name = changes.set("name", s.name, r.name());
        s.alternateName = changes.set("alternate_name", s.alternateName, r.alternateName());
        s.description = changes.set("description", s.description, r.description());
        s.status = changes.set("status", s.status, r.status().hsds());
        s.eligibilityDescription = changes.set("eligibility_description", s.eligibilityDescription, r.eligibilityDescription());
        s.minimumAge = changes.set("minimum_age", s.minimumAge, r.minimumAge());
        s.maximumAge = changes.set("maximum_age", s.maximumAge, r.maximumAge());
        s.acceptsReferrals = changes.set("accepts_referrals", s.acceptsReferrals, r.acceptsReferrals());
    }

    /** A service whose capacity the caller keeps: a provider's own organization's, or any for an administrator. */
    @Transactional
    public ProviderService capacityOf(UUID id) {
        ProviderService service = services.findByIdOptional(id).orElse(null);
        if (service == null || !caller.isAdmin() && !caller.organizationId().map(service.organization.id::equals).orElse(false)) {
            if (service != null) {
                caller.denied();
            }
            throw new NotFoundException("Service " + id);
        }
        return service;
    }

    /** A provider (its own organization's services only) or an administrator keeps capacity and status current. */
    @Transactional
    public ProviderService updateCapacity(UUID id, VersionCheck ifMatch, CapacityRequest request) {
        ProviderService service = capacityOf(id);
        ifMatch.require(service.version);
        Changes changes = new Changes("service", id, "update");
        service.capacityStatus = changes.set("capacity_status", service.capacityStatus, request.capacityStatus().name());
        LocalDate confirmed = request.confirmedOn() != null ? request.confirmedOn() : LocalDate.now(clock);
        service.capacityConfirmedAt = changes.set("capacity_confirmed_at", service.capacityConfirmedAt, confirmed);
        if (request.status() != null) {
            service.status = changes.set("status", service.status, request.status().hsds());
        }
        if (!changes.isEmpty()) {
            service.updatedBy = caller.subject();
        }
        return finish(service, changes, List.of(id));
    }

    // ---- locations -------------------------------------------------------------------------

    @Transactional
    public Location location(UUID id) {
        return locations.findByIdOptional(id).orElseThrow(() -> new NotFoundException("Location " + id));
    }

    @Transactional
    public Location createLocation(UUID organizationId, LocationRequest request) {
        organization(organizationId);
        Location location = new Location(UUID.randomUUID(), organizationId);
        Changes changes = new Changes("location", location.id, "create");
        apply(location, request, changes);
        location.updatedBy = caller.subject();
        locations.persist(location);
        return finish(location, changes, List.of());
    }

    @Transactional
    public Location updateLocation(UUID id, VersionCheck ifMatch, LocationRequest request) {
        Location location = location(id);
        ifMatch.require(location.version);
        Changes changes = new Changes("location", id, "update");
        apply(location, request, changes);
        if (!changes.isEmpty()) {
            location.updatedBy = caller.subject();
        }
        return finish(location, changes, List.of());
    }

    private static void apply(Location l, LocationRequest r, Changes changes) {
        if ((r.latitude() == null) != (r.longitude() == null)) {
            throw new RuleBrokenException("Give latitude and longitude together", List.of());
        }
        l.name = changes.set("name", l.name, r.name());
        l.description = changes.set("description", l.description, r.description());
        l.locationType = changes.set("location_type", l.locationType, r.locationType().name());
        l.latitude = changes.set("latitude", l.latitude, r.latitude());
        l.longitude = changes.set("longitude", l.longitude, r.longitude());
    }

    /** Delivers a service at a location (HSDS service_at_location); doing it twice changes nothing. */
    @Transactional
    public void offerAt(UUID serviceId, UUID locationId) {
        ProviderService service = service(serviceId);
        location(locationId);
        long existing = store.count("SELECT count(*) FROM dir_service_at_location WHERE service_id = ? AND location_id = ?",
                List.of(serviceId, locationId));
        if (existing == 0) {
            UUID id = UUID.randomUUID();
            store.execute("INSERT INTO dir_service_at_location (id, service_id, location_id) VALUES (?, ?, ?)",
                    List.of(id, serviceId, locationId));
            Changes changes = new Changes("service_at_location", id, "create");
            changes.set("location_id", null, locationId.toString());
            changes.write(store, caller.subject(), Instant.now(clock));
            service.updatedBy = caller.subject();
            service.updatedAt = Instant.now(clock);
        }
    }

    private <T> T finish(T entity, Changes changes, List<UUID> servicesToReindex) {
        changes.write(store, caller.subject(), Instant.now(clock));
        searchIndex.refresh(servicesToReindex);
        return entity;
    }

    /** The field changes of one operation, written as HSDS metadata entries. */
    static final class Changes {
        private final String resourceType;
        private final UUID resourceId;
        private final String action;
        private final List<String[]> fields = new ArrayList<>();

        Changes(String resourceType, UUID resourceId, String action) {
            this.resourceType = resourceType;
            this.resourceId = resourceId;
            this.action = action;
        }

        <T> T set(String field, T previous, T replacement) {
            boolean same = previous instanceof java.math.BigDecimal p && replacement instanceof java.math.BigDecimal r
                    ? p.compareTo(r) == 0 : Objects.equals(previous, replacement);
            if (!same) {
                fields.add(new String[]{field, text(previous), text(replacement)});
                return replacement;
            }
            return previous;
        }

        private static String text(Object value) {
            if (value instanceof java.math.BigDecimal number) {
                return number.stripTrailingZeros().toPlainString();
            }
            return value == null ? "" : value.toString();
        }

        boolean isEmpty() {
            return fields.isEmpty();
        }

        void write(HsdsStore store, String subject, Instant now) {
            for (String[] field : fields) {
                store.execute("INSERT INTO dir_metadata (id, resource_id, resource_type, last_action_date, last_action_type,"
                                + " field_name, previous_value, replacement_value, updated_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        java.util.Arrays.asList(UUID.randomUUID(), resourceId, resourceType, now.toString().substring(0, 10), action,
                                field[0], abbreviate(field[1]), abbreviate(field[2]), subject == null ? "unknown" : subject,
                                java.sql.Timestamp.from(now)));
            }
        }

        private static String abbreviate(String value) {
            return value.length() <= 10000 ? value : value.substring(0, 10000);
        }
    }
}

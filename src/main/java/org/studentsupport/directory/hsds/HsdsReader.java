package org.studentsupport.directory.hsds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.studentsupport.directory.hsds.HsdsTable.*;

/**
 * Assembles the nested HSDS 3.0 documents (full service, organization, service at location,
 * taxonomy term) and the brief forms of the lists from the stored tables.
 */
@ApplicationScoped
public class HsdsReader {

    private final HsdsRows rows;

    public HsdsReader(HsdsRows rows) {
        this.rows = rows;
    }

    public Optional<HsdsRecord> find(HsdsTable table, UUID id) {
        return rows.load(table, "id", List.of(id)).stream().findFirst();
    }

    // ---- full documents --------------------------------------------------------------------

    public ObjectNode serviceFull(HsdsRecord service, boolean withOrganization, boolean withLocations) {
        ObjectNode json = service.toJson();
        UUID id = service.id;
        json.set("phones", array(children(PHONE, "service_id", id), this::phone));
        json.set("schedules", array(children(SCHEDULE, "service_id", id), HsdsRecord::toJson));
        json.set("service_areas", array(children(SERVICE_AREA, "service_id", id), HsdsRecord::toJson));
        if (withLocations) {
            json.set("service_at_locations", array(children(SERVICE_AT_LOCATION, "service_id", id), this::serviceAtLocationParts));
        }
        json.set("languages", array(children(LANGUAGE, "service_id", id), HsdsRecord::toJson));
        if (withOrganization) {
            find(ORGANIZATION, service.ref("organization_id")).ifPresent(o -> json.set("organization", organizationFull(o, false)));
        }
        json.set("funding", array(children(FUNDING, "service_id", id), HsdsRecord::toJson));
        json.set("cost_options", array(children(COST_OPTION, "service_id", id), HsdsRecord::toJson));
        if (service.ref("program_id") != null) {
            find(PROGRAM, service.ref("program_id")).ifPresent(p -> json.set("program", p.toJson()));
        }
        json.set("required_documents", array(children(REQUIRED_DOCUMENT, "service_id", id), HsdsRecord::toJson));
        json.set("contacts", array(children(CONTACT, "service_id", id), this::contact));
        json.set("attributes", array(children(ATTRIBUTE, "link_id", id), this::attribute));
        json.set("metadata", array(metadata(id), HsdsRecord::toJson));
        return json;
    }

    public ObjectNode organizationFull(HsdsRecord organization, boolean withServices) {
        ObjectNode json = organization.toJson();
        UUID id = organization.id;
        json.set("funding", array(children(FUNDING, "organization_id", id), HsdsRecord::toJson));
        json.set("contacts", array(children(CONTACT, "organization_id", id), this::contact));
        json.set("phones", array(children(PHONE, "organization_id", id), this::phone));
        json.set("locations", array(children(LOCATION, "organization_id", id), this::location));
        json.set("programs", array(children(PROGRAM, "organization_id", id), HsdsRecord::toJson));
        json.set("organization_identifiers", array(children(ORGANIZATION_IDENTIFIER, "organization_id", id), HsdsRecord::toJson));
        if (withServices) {
            json.set("services", array(children(SERVICE, "organization_id", id), s -> serviceFull(s, false, true)));
        }
        return json;
    }

    public ObjectNode serviceAtLocationFull(HsdsRecord sal) {
        ObjectNode json = serviceAtLocationParts(sal);
        find(SERVICE, sal.ref("service_id")).ifPresent(s -> json.set("service", serviceFull(s, true, false)));
        return json;
    }

    public ObjectNode location(HsdsRecord location) {
        ObjectNode json = location.toJson();
        UUID id = location.id;
        json.set("languages", array(children(LANGUAGE, "location_id", id), HsdsRecord::toJson));
        json.set("addresses", array(children(ADDRESS, "location_id", id), HsdsRecord::toJson));
        json.set("contacts", array(children(CONTACT, "location_id", id), this::contact));
        json.set("accessibility", array(children(ACCESSIBILITY, "location_id", id), HsdsRecord::toJson));
        json.set("phones", array(children(PHONE, "location_id", id), this::phone));
        json.set("schedules", array(children(SCHEDULE, "location_id", id), HsdsRecord::toJson));
        return json;
    }

    public ObjectNode taxonomyTerm(HsdsRecord term) {
        ObjectNode json = term.toJson();
        if (term.ref("taxonomy_id") != null) {
            find(TAXONOMY, term.ref("taxonomy_id")).ifPresent(t -> json.set("taxonomy_detail", t.toJson()));
        }
        return json;
    }

    private ObjectNode serviceAtLocationParts(HsdsRecord sal) {
        ObjectNode json = sal.toJson();
        json.set("contacts", array(children(CONTACT, "service_at_location_id", sal.id), this::contact));
        json.set("phones", array(children(PHONE, "service_at_location_id", sal.id), this::phone));
        json.set("schedules", array(children(SCHEDULE, "service_at_location_id", sal.id), HsdsRecord::toJson));
        find(LOCATION, sal.ref("location_id")).ifPresent(l -> json.set("location", location(l)));
        return json;
    }

    private ObjectNode phone(HsdsRecord phone) {
        ObjectNode json = phone.toJson();
        json.set("languages", array(children(LANGUAGE, "phone_id", phone.id), HsdsRecord::toJson));
        return json;
    }

    private ObjectNode contact(HsdsRecord contact) {
        ObjectNode json = contact.toJson();
        json.set("phones", array(children(PHONE, "contact_id", contact.id), this::phone));
        return json;
    }

    private ObjectNode attribute(HsdsRecord attribute) {
        ObjectNode json = attribute.toJson();
        if (attribute.ref("taxonomy_term_id") != null) {
            find(TAXONOMY_TERM, attribute.ref("taxonomy_term_id")).ifPresent(t -> json.set("taxonomy_term", taxonomyTerm(t)));
        }
        return json;
    }

    private List<HsdsRecord> metadata(UUID resourceId) {
        return rows.select(METADATA, "SELECT * FROM dir_metadata WHERE resource_id = ? ORDER BY changed_at, id",
                List.of(resourceId));
    }

    // ---- brief forms of the lists ---------------------------------------------------------

    /** Services as the list shows them: the service with its organization and program, not nested further. */
    public List<ObjectNode> servicesBrief(List<HsdsRecord> services) {
        Map<UUID, HsdsRecord> organizations = byId(ORGANIZATION, services.stream().map(s -> s.ref("organization_id")).toList());
        Map<UUID, HsdsRecord> programs = byId(PROGRAM, services.stream().map(s -> s.ref("program_id")).toList());
        return services.stream().map(s -> {
            ObjectNode json = s.toJson();
            HsdsRecord organization = organizations.get(s.ref("organization_id"));
            if (organization != null) {
                json.set("organization", organization.toJson());
            }
            HsdsRecord program = programs.get(s.ref("program_id"));
            if (program != null) {
                json.set("program", program.toJson());
            }
            return json;
        }).toList();
    }

    public List<ObjectNode> serviceAtLocationsBrief(List<HsdsRecord> sals) {
        Map<UUID, HsdsRecord> locations = byId(LOCATION, sals.stream().map(s -> s.ref("location_id")).toList());
        Map<UUID, HsdsRecord> services = byId(SERVICE, sals.stream().map(s -> s.ref("service_id")).toList());
        Map<UUID, ObjectNode> briefServices = servicesBrief(List.copyOf(services.values())).stream()
                .collect(Collectors.toMap(j -> UUID.fromString(j.get("id").asText()), Function.identity()));
        return sals.stream().map(sal -> {
            ObjectNode json = sal.toJson();
            HsdsRecord location = locations.get(sal.ref("location_id"));
            if (location != null) {
                json.set("location", location.toJson());
            }
            ObjectNode service = briefServices.get(sal.ref("service_id"));
            if (service != null) {
                json.set("service", service);
            }
            return json;
        }).toList();
    }

    private Map<UUID, HsdsRecord> byId(HsdsTable table, List<UUID> ids) {
        List<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return rows.load(table, "id", wanted).stream().collect(Collectors.toMap(r -> r.id, Function.identity()));
    }

    private List<HsdsRecord> children(HsdsTable table, String column, UUID parent) {
        return parent == null ? List.of() : rows.load(table, column, List.of(parent));
    }

    private static ArrayNode array(List<HsdsRecord> records, Function<HsdsRecord, ObjectNode> mapper) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        records.forEach(r -> array.add(mapper.apply(r)));
        return array;
    }
}

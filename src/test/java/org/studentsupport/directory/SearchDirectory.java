package org.studentsupport.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;

/**
 * A hand-made directory for the search tests, as HSDS JSON, placed around a point where no other
 * test puts services. Distances are due north of the point (1 km = 0.008993 degrees of latitude).
 */
final class SearchDirectory {

    static final double LAT = -33.8000;
    static final double LON = 151.1000;
    static final UUID ORGANIZATION = id("org");

    private SearchDirectory() {
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("search-directory-" + name).getBytes());
    }

    static String json() {
        ArrayNode services = JsonNodeFactory.instance.arrayNode();
        services.add(service("after-school", "After-school Tutoring Club", "Homework help and reading tutoring after school.",
                0.5, "srch-tutoring", new String[]{"en", "es"}, 6, 12, 0, "MO,WE", "active"));
        services.add(service("math", "Math Tutoring en Español", "Math tutoring in Spanish for middle school students.",
                2.0, "srch-tutoring", new String[]{"es"}, 10, 15, 20, "TU,TH", "active"));
        services.add(service("mentoring", "Teen Mentoring Circle", "Weekly mentoring for teenagers with trained volunteers.",
                1.0, "srch-mentoring", new String[]{"en"}, 13, 18, 0, "FR", "active"));
        services.add(service("counseling", "Family Counseling Center", "Counseling for families in crisis; referrals to tutoring.",
                8.0, "srch-counseling", new String[]{"pt", "es"}, null, null, 0, "MO", "active"));
        services.add(service("far", "Faraway Tutoring", "Tutoring for all ages.", 30.0, "srch-tutoring",
                new String[]{"es"}, null, null, 0, "MO", "active"));
        services.add(service("closed", "Closed Tutoring Program", "Tutoring that has stopped.", 0.3, "srch-tutoring",
                new String[]{"es"}, null, null, 0, "MO", "inactive"));
        return services.toString();
    }

    private static ObjectNode service(String key, String name, String description, double km, String term, String[] languages,
                                      Integer minAge, Integer maxAge, int cost, String byday, String status) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode service = f.objectNode();
        service.put("id", id(key).toString());
        service.put("name", name);
        service.put("description", description);
        service.put("status", status);
        if (minAge != null) {
            service.put("minimum_age", minAge);
            service.put("maximum_age", maxAge);
        }
        ObjectNode organization = service.putObject("organization");
        organization.put("id", ORGANIZATION.toString());
        organization.put("name", "Search Test Providers");
        organization.put("description", "Providers of the search tests");
        ObjectNode sal = service.putArray("service_at_locations").addObject();
        sal.put("id", id(key + "-sal").toString());
        ObjectNode location = sal.putObject("location");
        location.put("id", id(key + "-loc").toString());
        location.put("location_type", "physical");
        location.put("name", name + " site");
        location.put("latitude", LAT + km * 0.008993);
        location.put("longitude", LON);
        ArrayNode langs = service.putArray("languages");
        for (String code : languages) {
            ObjectNode language = langs.addObject();
            language.put("id", id(key + "-lang-" + code).toString());
            language.put("code", code);
        }
        if (cost > 0) {
            ObjectNode option = service.putArray("cost_options").addObject();
            option.put("id", id(key + "-cost").toString());
            option.put("amount", cost);
            option.put("currency", "USD");
        }
        ObjectNode schedule = service.putArray("schedules").addObject();
        schedule.put("id", id(key + "-sched").toString());
        schedule.put("freq", "WEEKLY");
        schedule.put("byday", byday);
        ObjectNode attribute = service.putArray("attributes").addObject();
        attribute.put("id", id(key + "-attr").toString());
        attribute.put("link_type", "service");
        ObjectNode taxonomyTerm = attribute.putObject("taxonomy_term");
        taxonomyTerm.put("id", id(term).toString());
        taxonomyTerm.put("code", term);
        String termName = switch (term) {
            case "srch-tutoring" -> "Tutoring";
            case "srch-mentoring" -> "Mentoring";
            default -> "Counseling";
        };
        taxonomyTerm.put("name", termName);
        taxonomyTerm.put("description", termName + " services");
        ObjectNode taxonomy = taxonomyTerm.putObject("taxonomy_detail");
        taxonomy.put("id", id("taxonomy").toString());
        taxonomy.put("name", "Search test taxonomy");
        taxonomy.put("description", "Terms of the search tests");
        return service;
    }
}

package org.studentsupport.school;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the demo district for the run command (the {@code demo} profile). Never enabled in
 * production. Deterministic and idempotent: a second start finds the district and adds nothing.
 */
@ApplicationScoped
public class DistrictDemoData {

    public static final String DISTRICT = "dst-riverton";

    private static final Logger LOG = Logger.getLogger(DistrictDemoData.class);

    private final boolean enabled;
    private final DistrictRepository districts;
    private final SchoolRepository schools;

    public DistrictDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled,
                    DistrictRepository districts, SchoolRepository schools) {
        this.enabled = enabled;
        this.districts = districts;
        this.schools = schools;
    }

    /** The demo users of the demo realm (k8s/keycloak/realm-demo.json) and what each can do. */
    public static final java.util.Map<String, String> DEMO_USERS = demoUsers();
    public static final String DEMO_PASSWORD = "demo-password";

    // Runs first (lowest priority number), so that the features' demo data can build on the district and its schools.
    void onStart(@Observes @jakarta.annotation.Priority(1) StartupEvent event) {
        if (enabled) {
            seed();
            announceSignIn();
        }
    }

    private void announceSignIn() {
        String keycloak = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("studentsupport.embedded.keycloak.url", String.class).orElse(null);
        if (keycloak == null) {
            return;
        }
        StringBuilder banner = new StringBuilder("\n  Demo sign-in (Keycloak at ").append(keycloak)
                .append(", realm student-support, client student-support-web, password '").append(DEMO_PASSWORD).append("'):\n");
        DEMO_USERS.forEach((user, what) -> banner.append(String.format("    %-20s %s%n", user, what)));
        banner.append("  Machine client: student-support-import / demo-import-secret (client credentials, role admin)");
        LOG.info(banner);
    }

    private static java.util.Map<String, String> demoUsers() {
        java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        users.put("coord.elm", "coordinator of Elm Street Elementary");
        users.put("coord.harbor", "coordinator of Harbor View Middle and Northgate High");
        users.put("super.riverton", "supervisor of the Riverton district");
        users.put("admin.riverton", "administrator of the Riverton district");
        users.put("provider.mentoring", "provider: Riverton Youth Mentoring Alliance");
        users.put("provider.counseling", "provider: Pioneer Valley Family Counseling");
        users.put("auditor.demo", "auditor: reads the whole audit trail, bound to no district");
        users.put("nobody.riverton", "signed in, but with no role");
        return java.util.Collections.unmodifiableMap(users);
    }

    @Transactional
    void seed() {
        if (districts.findBySourcedId(DISTRICT).isPresent()) {
            LOG.info("Demo district already present; nothing to seed");
            return;
        }
        District district = new District(DISTRICT, "Riverton Public Schools");
        districts.persist(district);
        school(district, "sch-elm", "Elm Street Elementary School", "0101",
                new Address("120 Elm Street", "Riverton", "MA", "01103", "US"), 42.1029, -72.5893);
        school(district, "sch-harbor", "Harbor View Middle School", "0201",
                new Address("45 Harbor Road", "Riverton", "MA", "01104", "US"), 42.1187, -72.5614);
        school(district, "sch-northgate", "Northgate High School", "0301",
                new Address("900 Northgate Avenue", "Riverton", "MA", "01107", "US"), 42.1354, -72.6049);
        LOG.info("Seeded the demo district with 3 schools");
    }

    private void school(District district, String sourcedId, String name, String identifier,
                        Address address, double latitude, double longitude) {
        School school = new School(sourcedId, district, name);
        school.identifier = identifier;
        school.relocate(address, latitude, longitude);
        schools.persist(school);
    }
}

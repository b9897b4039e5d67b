package org.studentsupport.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import org.studentsupport.directory.hsds.HsdsImport;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo directory of the run command: 50 providers around the Riverton demo schools, with
 * services in the three categories of the connect-and-refer model and several languages, loaded
 * through the HSDS import. Deterministic (seeded) and idempotent (skipped once present).
 */
@ApplicationScoped
public class DirectoryDemoData {

    public static final UUID MENTORING_ALLIANCE = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b01");
    public static final UUID FAMILY_COUNSELING = UUID.fromString("3f1c2a9e-5b7d-4e21-9a4c-1d2e3f4a5b02");

    private static final Logger LOG = Logger.getLogger(DirectoryDemoData.class);

    /** code, name, parent code (null for a category). */
    static final List<String[]> TERMS = List.of(
            new String[]{"prevention-enrichment", "Prevention & enrichment", null},
            new String[]{"early-intervention", "Early intervention", null},
            new String[]{"intensive", "Intensive / crisis", null},
            new String[]{"after-school", "After-school program", "prevention-enrichment"},
            new String[]{"sports", "Sports and recreation", "prevention-enrichment"},
            new String[]{"summer-program", "Summer program", "prevention-enrichment"},
            new String[]{"arts", "Arts and music", "prevention-enrichment"},
            new String[]{"wellness", "Wellness", "prevention-enrichment"},
            new String[]{"tutoring", "Tutoring", "early-intervention"},
            new String[]{"mentoring", "Mentoring", "early-intervention"},
            new String[]{"social-skills", "Social skills group", "early-intervention"},
            new String[]{"family-assistance", "Family assistance", "early-intervention"},
            new String[]{"food-assistance", "Food assistance", "early-intervention"},
            new String[]{"counseling", "Mental health counseling", "intensive"},
            new String[]{"family-counseling", "Family counseling", "intensive"},
            new String[]{"health-screening", "Health screening", "intensive"},
            new String[]{"health-services", "Health services", "intensive"},
            new String[]{"violence-intervention", "Violence intervention", "intensive"});

    /** term, service name, description, minimum age, maximum age, cost per session (0 = free), days. */
    private record Template(String term, String name, String description, int minAge, int maxAge, int cost, String days) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("after-school", "After-School Club", "Supervised after-school program with homework time, snacks and games.", 5, 13, 0, "MO,TU,WE,TH,FR"),
            new Template("sports", "Youth Soccer League", "Recreational soccer teams with volunteer coaches; equipment provided.", 6, 14, 0, "SA"),
            new Template("summer-program", "Summer Learning Camp", "Six-week summer camp mixing reading, science projects and field trips.", 6, 12, 150, "MO,TU,WE,TH,FR"),
            new Template("arts", "Community Arts Studio", "Drawing, painting and music lessons for young artists.", 8, 17, 10, "TU,TH"),
            new Template("wellness", "Healthy Habits Workshop", "Nutrition, sleep and exercise workshops for students and parents.", 8, 18, 0, "WE"),
            new Template("tutoring", "Homework Help and Tutoring", "One-to-one tutoring in reading and math with certified teachers.", 6, 15, 0, "MO,WE"),
            new Template("tutoring", "Reading Buddies", "Trained volunteers read with early readers twice a week.", 5, 9, 0, "TU,TH"),
            new Template("mentoring", "One-to-One Mentoring", "Matches young people with a trained adult mentor for weekly meetings.", 8, 18, 0, "TH"),
            new Template("social-skills", "Friendship Skills Group", "Small group sessions building social and emotional skills.", 7, 12, 0, "WE"),
            new Template("family-assistance", "Family Resource Navigation", "Help for families with housing, benefits and utilities applications.", 0, 99, 0, "MO,TU,WE,TH,FR"),
            new Template("food-assistance", "Weekend Backpack Food Program", "Backpacks of healthy food sent home on Fridays for the weekend.", 4, 18, 0, "FR"),
            new Template("counseling", "Child and Adolescent Counseling", "Licensed clinicians offer individual therapy for anxiety, depression and trauma.", 5, 18, 40, "MO,TU,WE,TH"),
            new Template("family-counseling", "Family Therapy", "Family sessions to improve communication and resolve conflict at home.", 0, 99, 25, "TU,TH,SA"),
            new Template("health-screening", "School Health Screening", "Vision, hearing and dental screenings with referral to follow-up care.", 4, 18, 0, "WE"),
            new Template("health-services", "Community Health Clinic", "Primary care, immunizations and sports physicals for children.", 0, 21, 0, "MO,TU,WE,TH,FR"),
            new Template("violence-intervention", "Youth Violence Intervention", "Street outreach workers and conflict mediation for at-risk teens.", 12, 21, 0, "MO,WE,FR"));

    private static final String[] ORGANIZATIONS = {
            "Riverton Boys & Girls Club", "Springfield Literacy Partners", "Harbor Street YMCA", "Northgate Community Center",
            "Valley Youth Soccer Association", "Pioneer Arts Collective", "Elm Street Family Resource Center", "Riverton Food Pantry",
            "Connecticut River Health Center", "Hilltop Counseling Associates", "Greenleaf Mentoring Network", "Westside Tutoring Cooperative",
            "Hispanic Family Services of Riverton", "Vietnamese American Association", "Haitian Community Alliance", "Lusophone Family Center",
            "Mill River Summer Programs", "Bright Futures Learning Center", "Riverton Public Library", "Open Door Youth Services",
            "Harborview Health Partners", "Safe Streets Riverton", "New Horizons Family Therapy", "Kids First Dental Program",
            "Riverton Parks and Recreation", "Union Street Arts Studio", "Calvary Community Kitchen", "Sunrise Early Learning",
            "Second Chance Youth Outreach", "Maple Grove Wellness Center", "Riverton Police Athletic League", "Kensington Music School",
            "Family Promise of the Valley", "Big Brothers Big Sisters of Riverton", "Riverton Housing Authority Youth Program",
            "Chestnut Hill Counseling", "Forest Park Nature Center", "Valley Vision Screening Project", "Hope Pediatric Clinic",
            "Latino Youth Leadership", "Asian Family Support Network", "Northgate Teen Center", "Riverton Science Academy",
            "Community Legal Aid Family Unit", "Dunbar Community Center", "Pioneer Valley Food Bank Partners",
            "Riverton Girls Who Code", "Sixteen Acres Homework Center"};

    private static final String[][] LANGUAGES = {{"en", "English"}, {"es", "Spanish"}, {"pt", "Portuguese"},
            {"vi", "Vietnamese"}, {"ht", "Haitian Creole"}, {"zh", "Chinese"}, {"ar", "Arabic"}, {"so", "Somali"}};

    private static final String[] STREETS = {"Main Street", "State Street", "Maple Street", "Chestnut Street", "Union Street",
            "Elm Street", "Harbor Road", "Northgate Avenue", "Pine Street", "Liberty Street"};

    private final boolean enabled;
    private final HsdsImport imports;
    private final Directory directory;

    public DirectoryDemoData(@ConfigProperty(name = "studentsupport.demo.enabled", defaultValue = "false") boolean enabled,
                             HsdsImport imports, Directory directory) {
        this.enabled = enabled;
        this.imports = imports;
        this.directory = directory;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        if (!enabled) {
            return;
        }
        if (directory.organizationName(MENTORING_ALLIANCE).isPresent()) {
            LOG.info("Demo directory already present; nothing to seed");
            return;
        }
        HsdsImport.Report report = imports.importJson(organizations(), "demo-data");
        LOG.infof("Seeded the demo directory: %d records", report.records());
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("demo-directory:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The demo directory as a list of HSDS organizations with their services. */
    static ArrayNode organizations() {
        Random random = new Random(20261122L);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode organizations = f.arrayNode();
        organizations.add(organization(random, MENTORING_ALLIANCE, "Riverton Youth Mentoring Alliance",
                "Trains and supports volunteer mentors for Riverton's young people.",
                List.of(TEMPLATES.get(7), TEMPLATES.get(6), TEMPLATES.get(8)), 42.1101, -72.5822, new int[]{0, 1}));
        organizations.add(organization(random, FAMILY_COUNSELING, "Pioneer Valley Family Counseling",
                "Outpatient counseling for children, teens and families.",
                List.of(TEMPLATES.get(11), TEMPLATES.get(12)), 42.1262, -72.5968, new int[]{0, 1, 2}));
        for (int i = 0; i < ORGANIZATIONS.length; i++) {
            String name = ORGANIZATIONS[i];
            int count = 1 + random.nextInt(3);
            List<Template> services = new java.util.ArrayList<>();
            for (int s = 0; s < count; s++) {
                services.add(TEMPLATES.get(random.nextInt(TEMPLATES.size())));
            }
            double lat = 42.10 + random.nextDouble() * 0.04;
            double lon = -72.61 + random.nextDouble() * 0.06;
            int[] languages = random.nextInt(3) == 0 ? new int[]{0} : new int[]{0, 1 + random.nextInt(LANGUAGES.length - 1)};
            organizations.add(organization(random, id("org:" + name), name, name + " serves children and families of the Riverton area.",
                    services, lat, lon, languages));
        }
        return organizations;
    }

    private static ObjectNode organization(Random random, UUID id, String name, String description, List<Template> services,
                                           double lat, double lon, int[] languages) {
        ObjectNode org = JsonNodeFactory.instance.objectNode();
        org.put("id", id.toString());
        org.put("name", name);
        org.put("description", description);
        String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        org.put("email", "info@" + slug + ".example.org");
        org.put("website", "https://" + slug + ".example.org");
        ObjectNode location = org.putArray("locations").addObject();
        UUID locationId = id("loc:" + id);
        location.put("id", locationId.toString());
        location.put("location_type", "physical");
        location.put("name", name);
        location.put("latitude", Math.round(lat * 1e5) / 1e5);
        location.put("longitude", Math.round(lon * 1e5) / 1e5);
        ObjectNode address = location.putArray("addresses").addObject();
        address.put("id", id("addr:" + id).toString());
        address.put("address_1", (10 + random.nextInt(890)) + " " + STREETS[random.nextInt(STREETS.length)]);
        address.put("city", "Riverton");
        address.put("state_province", "MA");
        address.put("postal_code", "0110" + (3 + random.nextInt(5)));
        address.put("country", "US");
        address.put("address_type", "physical");
        ObjectNode phone = org.putArray("phones").addObject();
        phone.put("id", id("phone:" + id).toString());
        phone.put("number", "413-555-" + (1000 + random.nextInt(9000)));
        ArrayNode list = org.putArray("services");
        for (int s = 0; s < services.size(); s++) {
            Template t = services.get(s);
            UUID serviceId = id("svc:" + id + ":" + s);
            ObjectNode service = list.addObject();
            service.put("id", serviceId.toString());
            service.put("name", services.size() == 1 || s == 0 ? t.name : t.name + " (" + name + ")");
            service.put("description", t.description);
            service.put("status", "active");
            service.put("eligibility_description", "Ages " + t.minAge + " to " + t.maxAge);
            service.put("minimum_age", t.minAge);
            service.put("maximum_age", t.maxAge);
            ObjectNode sal = service.putArray("service_at_locations").addObject();
            sal.put("id", id("sal:" + serviceId).toString());
            sal.putObject("location").put("id", locationId.toString()).put("location_type", "physical").put("name", name)
                    .put("latitude", Math.round(lat * 1e5) / 1e5).put("longitude", Math.round(lon * 1e5) / 1e5);
            ArrayNode langs = service.putArray("languages");
            for (int l : languages) {
                langs.addObject().put("id", id("lang:" + serviceId + ":" + l).toString())
                        .put("name", LANGUAGES[l][1]).put("code", LANGUAGES[l][0]);
            }
            if (t.cost > 0) {
                service.putArray("cost_options").addObject().put("id", id("cost:" + serviceId).toString())
                        .put("option", "Per session").put("amount", t.cost).put("currency", "USD");
            }
            service.putArray("schedules").addObject().put("id", id("sched:" + serviceId).toString())
                    .put("freq", "WEEKLY").put("byday", t.days).put("opens_at", "15:00").put("closes_at", "18:00");
            ArrayNode attributes = service.putArray("attributes");
            String[] term = TERMS.stream().filter(x -> x[0].equals(t.term)).findFirst().orElseThrow();
            attributes.add(attribute(serviceId, term));
            attributes.add(attribute(serviceId, TERMS.stream().filter(x -> x[0].equals(term[2])).findFirst().orElseThrow()));
        }
        return org;
    }

    private static ObjectNode attribute(UUID serviceId, String[] term) {
        ObjectNode attribute = JsonNodeFactory.instance.objectNode();
        attribute.put("id", id("attr:" + serviceId + ":" + term[0]).toString());
        attribute.put("link_type", "service");
        attribute.put("link_entity", "service");
        ObjectNode t = attribute.putObject("taxonomy_term");
        t.put("id", id("term:" + term[0]).toString());
        t.put("code", term[0]);
        t.put("name", term[1]);
        t.put("description", term[1]);
        if (term[2] != null) {
            t.put("parent_id", id("term:" + term[2]).toString());
        }
        t.putObject("taxonomy_detail").put("id", id("taxonomy").toString()).put("name", "Student support services")
                .put("description", "Service categories of the connect-and-refer model and finer terms");
        return attribute;
    }
}

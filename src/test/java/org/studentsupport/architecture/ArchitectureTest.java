package org.studentsupport.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries the code keeps: features form no cycles, the cross-cutting packages know no
 * feature, only the HTTP edge knows HTTP, and a feature reaches another only through what that
 * feature offers (its services, facades, views and entities), never its repositories or resources.
 */
class ArchitectureTest {

    private static final String ROOT = "org.studentsupport.";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.studentsupport");

    /** Packages that every feature may use and that must use none: the shared kernel and the edges. */
    private static final Set<String> CROSS_CUTTING = Set.of("web", "security", "domain", "embedded", "database", "metrics");

    private static final ArchRule featuresFormNoCycles = slices().matching("org.studentsupport.(*)..")
            .should().beFreeOfCycles();

    private static final ArchRule crossCuttingPackagesKnowNoFeature = noClasses()
            .that().resideInAnyPackage(CROSS_CUTTING.stream().map(p -> ROOT + p + "..").toArray(String[]::new))
            .should().dependOnClassesThat(DescribedPredicate.describe("belong to a feature",
                    (JavaClass target) -> feature(target).filter(f -> !CROSS_CUTTING.contains(f)).isPresent()));

    private static final ArchRule onlyTheHttpEdgeKnowsHttp = noClasses()
            .that(DescribedPredicate.describe("are not part of the HTTP edge (resources, JAX-RS providers and parameter beans)",
                    (JavaClass type) -> !isHttpEdge(type)))
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", ROOT + "web..");

    private static final ArchRule featuresMeetOnlyThroughWhatTheyOffer = classes()
            .that().resideInAPackage("org.studentsupport..")
            .should(new ArchCondition<JavaClass>("reach other features only through their services, facades and views") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> from = feature(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        Optional<String> to = feature(target);
                        if (to.isPresent() && !to.equals(from) && !CROSS_CUTTING.contains(to.get())
                                && isInternal(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            });

    @Test
    void featuresFormNoCycles() {
        featuresFormNoCycles.check(MAIN);
    }

    @Test
    void crossCuttingPackagesKnowNoFeature() {
        crossCuttingPackagesKnowNoFeature.check(MAIN);
    }

    @Test
    void onlyTheHttpEdgeKnowsHttp() {
        onlyTheHttpEdgeKnowsHttp.check(MAIN);
    }

    @Test
    void featuresMeetOnlyThroughWhatTheyOffer() {
        featuresMeetOnlyThroughWhatTheyOffer.check(MAIN);
    }

    /**
     * The classes that speak HTTP: the cross-cutting packages, resources, JAX-RS providers and filters,
     * interceptors around resource methods, and the beans that carry query, path or header parameters. Everything else (entities, services,
     * policies, rules, views) may not depend on JAX-RS or on {@code web}.
     */
    static boolean isHttpEdge(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        Optional<String> feature = feature(outer);
        if (feature.isPresent() && Set.of("web", "security", "embedded").contains(feature.get())) {
            return true;
        }
        return outer.getSimpleName().endsWith("Resource")
                || outer.isAnnotatedWith("jakarta.ws.rs.Path")
                || outer.isAnnotatedWith("jakarta.ws.rs.ext.Provider")
                || outer.isAssignableTo("jakarta.ws.rs.container.ContainerRequestFilter")
                || outer.isAssignableTo("jakarta.ws.rs.container.ContainerResponseFilter")
                || outer.isAnnotatedWith("jakarta.interceptor.Interceptor")
                || outer.getMethods().stream().anyMatch(method -> method.isAnnotatedWith(
                        "org.jboss.resteasy.reactive.server.ServerResponseFilter")
                        || method.isAnnotatedWith("org.jboss.resteasy.reactive.server.ServerRequestFilter"))
                || outer.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith("jakarta.ws.rs.QueryParam")
                        || field.isAnnotatedWith("jakarta.ws.rs.PathParam") || field.isAnnotatedWith("jakarta.ws.rs.HeaderParam"));
    }

    /** What a feature keeps to itself: how it stores and how it speaks HTTP. */
    static boolean isInternal(JavaClass type) {
        String name = type.getSimpleName();
        return name.endsWith("Repository") || name.endsWith("Resource");
    }

    static Optional<String> feature(JavaClass type) {
        String pkg = type.getPackageName();
        if (!pkg.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = pkg.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}

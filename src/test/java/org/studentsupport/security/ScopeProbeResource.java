package org.studentsupport.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.studentsupport.referral.Referral;
import org.studentsupport.student.Student;
import org.studentsupport.student.StudentRepository;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test-only queries written the naive way, with no thought for scope: what they return is what the
 * scope filter let through.
 */
@Path("/test-support/scope-probe")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COORDINATOR, Roles.SUPERVISOR, Roles.ADMIN, Roles.PROVIDER})
public class ScopeProbeResource {

    private final EntityManager em;
    private final StudentRepository students;

    public ScopeProbeResource(EntityManager em, StudentRepository students) {
        this.em = em;
        this.students = students;
    }

    @GET
    @Path("/students/{id}")
    @Operation(hidden = true)
    @Transactional
    public Map<String, Object> student(@PathParam("id") UUID id) {
        Student found = em.find(Student.class, id);
        return Map.of(
                "listAll", students.listAll().stream().map(s -> s.id.toString()).toList(),
                "jpql", em.createQuery("select s.id from Student s where s.id = :id", UUID.class).setParameter("id", id)
                        .getResultList().stream().map(UUID::toString).toList(),
                "count", students.count("id", id),
                "findById", found == null ? "" : found.id.toString());
    }

    @GET
    @Path("/referrals")
    @Operation(hidden = true)
    @Transactional
    public List<String> referrals() {
        return em.createQuery("from Referral", Referral.class).getResultStream().map(r -> r.id().toString()).toList();
    }

    @GET
    @Path("/referrals/{id}")
    @Operation(hidden = true)
    @Transactional
    public String referral(@PathParam("id") UUID id) {
        Referral found = em.find(Referral.class, id);
        return found == null ? "" : found.id().toString();
    }
}

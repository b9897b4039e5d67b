package org.studentsupport.student;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class StudentRepository implements PanacheRepositoryBase<Student, UUID> {

    public Optional<Student> findBySourcedId(String sourcedId) {
        return find("sourcedId", sourcedId).firstResultOptional();
    }
}

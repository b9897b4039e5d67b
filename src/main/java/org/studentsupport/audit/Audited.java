package org.studentsupport.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose every call is written to the audit trail: who, when, what action on which
 * object and which students, and how it ended (success, denied, error). The object type comes from
 * {@link #object()}, its id and the student's id from the parameters named by {@link #id()} and
 * {@link #student()}, before the method runs, so that a refusal is recorded with them too. Only what
 * the method finds out later (the students of a search, a contact's students) is named by hand
 * through {@link AuditTrail}; ids only.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    @Nonbinding
    AuditAction action() default AuditAction.READ;

    /** The type of object the operation is about, e.g. {@code student}, {@code class-roster}, {@code referral}. */
    @Nonbinding
    String object() default "";

    /** The name of the method parameter that holds the object's id; none when empty. */
    @Nonbinding
    String id() default "";

    /** The name of the method parameter that holds the id of the student the operation concerns; none when empty. */
    @Nonbinding
    String student() default "";
}

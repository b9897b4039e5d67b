package org.studentsupport.audit;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method whose every call is written to the audit trail: who, when, what action
 * on which object and which students, and how it ended (success, denied, error). The method (or
 * the service it calls) names the object and students through {@link AuditTrail}; ids only.
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
}

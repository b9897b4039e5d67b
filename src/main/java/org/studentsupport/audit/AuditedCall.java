package org.studentsupport.audit;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.UUID;

/** Reads what an {@link Audited} annotation names (object type, object id, student id) from one call. */
final class AuditedCall {

    private AuditedCall() {
    }

    /** Puts the object and student the annotation names into the trail of the current request. */
    static void describe(Audited audited, Method method, Object[] arguments, AuditTrail trail) {
        if (!audited.object().isEmpty()) {
            trail.object(audited.object(), argument(method, arguments, audited.id()));
        }
        Object student = argument(method, arguments, audited.student());
        if (student instanceof UUID studentId) {
            trail.student(studentId);
        }
    }

    /**
     * The value of the named parameter; null when no name is given.
     *
     * @throws IllegalStateException when the method has no parameter of that name (a mistake in the annotation)
     */
    static Object argument(Method method, Object[] arguments, String name) {
        if (name.isEmpty()) {
            return null;
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].getName().equals(name)) {
                return arguments[i];
            }
        }
        throw new IllegalStateException(method + " has no parameter '" + name + "' named in @Audited");
    }
}

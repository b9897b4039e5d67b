package org.studentsupport.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditedCallTest {

    static class Sample {
        @Audited(object = "referral", id = "referralId", student = "studentId")
        void transition(UUID studentId, UUID referralId, String note) {
        }

        @Audited(object = "student-search")
        void search(String name) {
        }

        @Audited(object = "referral", id = "id")
        void misnamed(UUID referralId) {
        }
    }

    @Test
    void theObjectAndStudentComeFromTheParametersTheAnnotationNames() throws NoSuchMethodException {
        Method method = Sample.class.getDeclaredMethod("transition", UUID.class, UUID.class, String.class);
        UUID student = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        AuditTrail trail = new AuditTrail();

        AuditedCall.describe(method.getAnnotation(Audited.class), method, new Object[]{student, referral, "note"}, trail);

        assertEquals("referral", trail.objectType());
        assertEquals(referral.toString(), trail.objectId());
        assertEquals(java.util.Set.of(student), trail.studentIds());
    }

    @Test
    void anObjectWithoutAnIdParameterIsRecordedWithoutAnId() throws NoSuchMethodException {
        Method method = Sample.class.getDeclaredMethod("search", String.class);
        AuditTrail trail = new AuditTrail();

        AuditedCall.describe(method.getAnnotation(Audited.class), method, new Object[]{"Ada"}, trail);

        assertEquals("student-search", trail.objectType());
        assertNull(trail.objectId());
        assertTrue(trail.studentIds().isEmpty());
    }

    @Test
    void aParameterNameThatDoesNotExistIsRefused() throws NoSuchMethodException {
        Method method = Sample.class.getDeclaredMethod("misnamed", UUID.class);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () ->
                AuditedCall.describe(method.getAnnotation(Audited.class), method, new Object[]{UUID.randomUUID()}, new AuditTrail()));
        assertTrue(refused.getMessage().contains("'id'"), refused.getMessage());
    }

    @Test
    void everyAuditedMethodOfTheServiceNamesParametersItHas() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Audited.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> mistakes = new ArrayList<>();
        int audited = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                for (Method method : Class.forName(name, false, getClass().getClassLoader()).getDeclaredMethods()) {
                    Audited annotation = method.getAnnotation(Audited.class);
                    if (annotation == null) {
                        continue;
                    }
                    audited++;
                    for (String parameter : List.of(annotation.id(), annotation.student())) {
                        try {
                            AuditedCall.argument(method, new Object[method.getParameterCount()], parameter);
                        } catch (IllegalStateException e) {
                            mistakes.add(e.getMessage());
                        }
                    }
                }
            }
        }
        assertTrue(audited > 40, "found only " + audited + " audited methods");
        assertEquals(List.of(), mistakes);
    }
}

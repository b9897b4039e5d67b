package org.studentsupport.audittrail;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PublishedCheckpointTest {

    static final String A = "a".repeat(64);
    static final String B = "b".repeat(64);

    @Test
    void theCheckpointWithTheHighestPositionInALogIsTheLatest() {
        String log = "02:07:37 INFO [AuditSealer] Audit checkpoint: " + PublishedCheckpoint.line(12, A, B) + "\n"
                + "02:07:39 INFO [Other] unrelated position=99 line\n"
                + "02:07:41 INFO [AuditSealer] Audit checkpoint: " + PublishedCheckpoint.line(40, B, A) + "\n"
                + "02:07:43 INFO [AuditSealer] Audit checkpoint: " + PublishedCheckpoint.line(7, A, A) + "\n";
        assertEquals(Optional.of(new PublishedCheckpoint(40, B, A)), PublishedCheckpoint.latestIn(log));
    }

    @Test
    void aTextWithoutAPublishedCheckpointHasNone() {
        assertEquals(Optional.empty(), PublishedCheckpoint.latestIn("position=1 chain=short signature=short"));
    }
}

package org.studentsupport.oversight;

import java.time.LocalDate;

/** The referrals a follow-through report covers (requested from {@code from} to {@code to}, both included) and how it groups them. */
public record ReportRange(LocalDate from, LocalDate to, String groupBy) {
}

package org.studentsupport.roster.oneroster;

import java.util.ArrayList;
import java.util.List;

/** The problems of one import: all are counted, the first {@code keep} are kept for the report. */
public final class Problems {

    private final int keep;
    private final List<Problem> kept = new ArrayList<>();
    private int count;

    public Problems(int keep) {
        this.keep = keep;
    }

    public void add(Problem problem) {
        count++;
        if (kept.size() < keep) {
            kept.add(problem);
        }
    }

    public void add(String file, long line, String column, String message) {
        add(new Problem(file, line, column, message));
    }

    public boolean any() {
        return count > 0;
    }

    public int count() {
        return count;
    }

    public List<Problem> kept() {
        return List.copyOf(kept);
    }
}

package org.studentsupport.roster.oneroster;

/** How the manifest says a file is given: the complete set, only changes, or not at all. */
public enum Mode {
    BULK, DELTA, ABSENT
}

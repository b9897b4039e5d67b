package org.studentsupport.roster.oneroster;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the validation pass learns and the write pass needs: the modes, the keys each file holds
 * (for references and duplicates), and per user the kinds, school and family role. It grows with
 * the number of rows (a few dozen bytes a key), never with the size of the cells.
 */
public final class RosterIndex {

    public static final int STUDENT = 1;
    public static final int TEACHER = 2;
    public static final int CONTACT = 4;

    final Map<OneRosterFile, Mode> modes = new EnumMap<>(OneRosterFile.class);
    String districtName;

    /** Per file: sourcedId → line of the rows that are kept (active), and of those the bundle deletes. */
    final Map<OneRosterFile, Map<String, Integer>> kept = new EnumMap<>(OneRosterFile.class);
    final Map<OneRosterFile, Set<String>> deleted = new EnumMap<>(OneRosterFile.class);
    /** Org sourcedId → type (district or school). */
    final Map<String, String> orgTypes = new HashMap<>();

    /** Users of users.csv (and of roles.csv), by sourcedId. */
    final Map<String, UserEntry> users = new HashMap<>();
    /** Student → contact pairs from agentSourcedIds. */
    final List<String[]> links = new ArrayList<>();
    long rows;

    static final class UserEntry {
        int kinds;
        String schoolSourcedId;
        boolean schoolFromPrimaryRole;
        String primaryOrgSourcedId;
        String contactRole;
        boolean inUsersFile;
        long usersLine;
    }

    RosterIndex() {
        for (OneRosterFile file : OneRosterFile.values()) {
            kept.put(file, new HashMap<>());
            deleted.put(file, new HashSet<>());
        }
    }

    public Mode mode(OneRosterFile file) {
        return modes.getOrDefault(file, Mode.ABSENT);
    }

    public String districtName() {
        return districtName;
    }

    /** How many data rows the bundle's files hold. */
    public long rows() {
        return rows;
    }

    /** The kinds of a user, as far as the bundle and the database say. */
    public int kinds(String userSourcedId) {
        UserEntry entry = users.get(userSourcedId);
        return entry == null ? 0 : entry.kinds;
    }

    /** The school a student of the bundle attends; null when the bundle does not say (the database keeps it). */
    public String schoolOf(String userSourcedId) {
        UserEntry entry = users.get(userSourcedId);
        return entry == null ? null : entry.schoolSourcedId;
    }

    /** parent, guardian or relative when the bundle gives the contact's role; null otherwise. */
    public String contactRole(String userSourcedId) {
        UserEntry entry = users.get(userSourcedId);
        return entry == null ? null : entry.contactRole;
    }

    public List<String[]> links() {
        return links;
    }

    UserEntry user(String sourcedId) {
        return users.computeIfAbsent(sourcedId, k -> new UserEntry());
    }
}

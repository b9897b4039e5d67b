package org.studentsupport.directory;

import java.util.List;
import java.util.UUID;

/**
 * What matching needs to know of a service beyond a search result: the languages it is offered in
 * and whether any of its cost options is above zero.
 */
public record ServiceFacts(UUID serviceId, List<String> languages, boolean free) {
}

package org.studentsupport.referral;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.studentsupport.domain.RuleBrokenException;
import org.studentsupport.domain.Violation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A provider's update of a Task, read as a move of the referral: what changed against the Task the
 * service would render now. Only {@code status} moves the referral; {@code statusReason} carries the
 * reason (rejected, failed, on-hold), {@code output} the outcome (completed), {@code executionPeriod.start}
 * the date of the first service (in-progress), and a changed {@code businessStatus} text travels as the
 * move's note. What the move must carry, and whether it is allowed, is the workflow's question
 * ({@link Referral#transition}); this class only refuses a Task that changes what a provider cannot.
 */
final class FhirTaskChange {

    /** The move asked for, or none when the Task comes back unchanged. */
    record Asked(TransitionRequest move) {
        boolean unchanged() {
            return move == null;
        }
    }

    /** What a provider may change (or the server keeps for itself), and what is checked one by one below. */
    private static final Set<String> NOT_COMPARED = Set.of(
            "status", "statusReason", "businessStatus", "output", "executionPeriod",
            "id", "meta", "text", "lastModified",
            "intent", "focus", "for", "owner", "requester");

    private FhirTaskChange() {
    }

    /**
     * @param current the Task as the service renders it now
     * @param sent    the Task the provider sent
     * @throws RuleBrokenException (422) when the Task changes something other than the four updatable
     *                             elements, names a status this workflow does not have, or changes
     *                             reason, outcome or business status without a move
     */
    static Asked read(Task current, Task sent) {
        List<Violation> refused = new ArrayList<>();
        same("/intent", current.getIntent(), sent.getIntent(), refused);
        same("/focus", ref(current.getFocus()), ref(sent.getFocus()), refused);
        same("/for", ref(current.getFor()), ref(sent.getFor()), refused);
        same("/owner", ref(current.getOwner()), ref(sent.getOwner()), refused);
        same("/requester", ref(current.getRequester()), ref(sent.getRequester()), refused);
        everythingElseUnchanged(current, sent, refused);
        if (!refused.isEmpty()) {
            throw new RuleBrokenException("Only status, statusReason, businessStatus and output of a Task can be changed",
                    refused);
        }
        if (sent.getStatus() == null) {
            throw new RuleBrokenException("The Task has no status", List.of(Violation.atPointer("/status", "is required")));
        }
        String to = sent.getStatus().toCode();
        if (!ReferralStatus.codes().contains(to)) {
            throw new RuleBrokenException("The referral workflow has no status '" + to + "'",
                    List.of(Violation.atPointer("/status", "must be one of " + ReferralStatus.codes())));
        }
        String note = changedText(current.getBusinessStatus(), sent.getBusinessStatus());
        if (to.equals(current.getStatus().toCode())) {
            boolean reasonChanged = !Objects.equals(reasonCode(current), reasonCode(sent))
                    || !Objects.equals(current.getStatusReason().getText(), sent.getStatusReason().getText());
            boolean outcomeChanged = !Objects.equals(outcome(current), outcome(sent));
            if (reasonChanged || outcomeChanged || note != null) {
                throw new RuleBrokenException("Reason, outcome and business status change only with a move of the status",
                        List.of(Violation.atPointer("/status", "is still '" + to + "': change it to move the referral")));
            }
            return new Asked(null);
        }
        String reasonCode = to.equals(ReferralStatus.COMPLETED.code()) ? outcome(sent) : reasonCode(sent);
        String reasonText = sent.getStatusReason().getText();
        longest("/statusReason/coding/code", reasonCode, 40, refused);
        longest("/statusReason/text", reasonText, 2000, refused);
        longest("/businessStatus/text", note, 2000, refused);
        if (!refused.isEmpty()) {
            throw new RuleBrokenException("The Task carries more than a move can keep", refused);
        }
        return new Asked(new TransitionRequest(to, reasonCode, reasonText, firstServiceOn(sent), note));
    }

    /**
     * Every other element of the Task must come back as the service rendered it (compared after a round
     * trip through the parser, as the provider received it), so that a change the workflow would not
     * keep is refused rather than dropped.
     */
    private static void everythingElseUnchanged(Task current, Task sent, List<Violation> refused) {
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Task rendered = parser.parseResource(Task.class, parser.encodeResourceToString(current));
        for (Property property : rendered.children()) {
            String name = property.getName();
            if (NOT_COMPARED.contains(name)) {
                continue;
            }
            List<Base> was = property.getValues();
            List<Base> now = sent.getNamedProperty(name).getValues();
            if (!Base.compareDeep(was, now, true)) {
                refused.add(Violation.atPointer("/" + name, "cannot be changed"));
            }
        }
    }

    /** The workflow's refusal, its fields named as the Task's elements that carry them. */
    static RuleBrokenException inTaskTerms(RuleBrokenException e, String to) {
        List<Violation> violations = e.violations().stream().map(v -> v.pointer() == null ? v : Violation.atPointer(
                switch (v.pointer()) {
                    case "/reasonCode" -> to.equals(ReferralStatus.COMPLETED.code()) ? "/output" : "/statusReason";
                    case "/reasonText" -> "/statusReason/text";
                    case "/firstServiceOn" -> "/executionPeriod/start";
                    default -> v.pointer();
                }, v.message())).toList();
        return new RuleBrokenException(e.getMessage(), violations);
    }

    private static String reasonCode(Task task) {
        return code(task.getStatusReason(), FhirCodes.STATUS_REASON);
    }

    /** The outcome code in the output of type {@code outcome}. */
    private static String outcome(Task task) {
        for (Task.TaskOutputComponent output : task.getOutput()) {
            boolean isOutcome = output.getType().getCoding().stream()
                    .anyMatch(c -> FhirCodes.TASK_OUTPUT.equals(c.getSystem()) && FhirCodes.OUTCOME_OUTPUT.equals(c.getCode()));
            if (isOutcome && output.getValue() instanceof CodeableConcept value) {
                return code(value, FhirCodes.OUTCOME);
            }
        }
        return null;
    }

    /** The code of the local system, else the only code given. */
    private static String code(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (system.equals(coding.getSystem())) {
                return coding.getCode();
            }
        }
        return concept.getCoding().size() == 1 ? concept.getCodingFirstRep().getCode() : null;
    }

    private static LocalDate firstServiceOn(Task task) {
        if (!task.hasExecutionPeriod() || !task.getExecutionPeriod().hasStart()) {
            return null;
        }
        String start = task.getExecutionPeriod().getStartElement().getValueAsString();
        try {
            return LocalDate.parse(start.length() > 10 ? start.substring(0, 10) : start);
        } catch (DateTimeParseException e) {
            throw new RuleBrokenException("The first service date cannot be read",
                    List.of(Violation.atPointer("/executionPeriod/start", "must be a date")));
        }
    }

    /** The business status text when the provider changed it, else null. */
    private static String changedText(CodeableConcept current, CodeableConcept sent) {
        String text = sent == null ? null : sent.getText();
        if (text == null || text.isBlank() || text.equals(current == null ? null : current.getText())) {
            return null;
        }
        return text;
    }

    private static String ref(Reference reference) {
        return reference == null || !reference.hasReference() ? null : reference.getReference();
    }

    private static void longest(String pointer, String value, int max, List<Violation> refused) {
        if (value != null && value.length() > max) {
            refused.add(Violation.atPointer(pointer, "at most " + max + " characters"));
        }
    }

    private static void same(String pointer, Object current, Object sent, List<Violation> refused) {
        if (!Objects.equals(current, sent)) {
            refused.add(Violation.atPointer(pointer, "cannot be changed (is " + current + ")"));
        }
    }
}

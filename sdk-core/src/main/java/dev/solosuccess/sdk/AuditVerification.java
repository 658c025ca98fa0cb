package dev.solosuccess.sdk;

import java.util.OptionalLong;

/**
 * The result of checking an audit trail.
 *
 * @param intact whether every entry is where the chain says it should be, unchanged
 * @param entries entries checked
 * @param firstBad the sequence number of the first entry that is modified, missing, inserted or out
 *     of order; empty when intact
 * @param problem what is wrong with it, in words; empty when intact
 * @param head the last entry checked
 */
public record AuditVerification(
    boolean intact, long entries, OptionalLong firstBad, String problem, AuditHead head) {}

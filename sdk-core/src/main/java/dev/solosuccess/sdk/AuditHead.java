package dev.solosuccess.sdk;

import java.util.Objects;

/**
 * The last entry of an audit trail: its sequence number and hash. Kept somewhere the engine's host
 * cannot write (a SIEM, a ticket, another machine), it lets {@link AuditService#verify(AuditHead)}
 * prove that no entry up to it was changed, removed or inserted since, even by someone who
 * recomputed the hashes, and that the trail was not cut short.
 *
 * @param sequence the entry's sequence number; 0 for an empty trail
 * @param hash the entry's hash (64 hex digits); 64 zeros for an empty trail
 */
public record AuditHead(long sequence, String hash) {

  public AuditHead {
    if (sequence < 0) {
      throw new InvalidInputException("an audit head's sequence must be >= 0, got " + sequence);
    }
    Objects.requireNonNull(hash, "hash");
    if (!hash.matches("[0-9a-f]{64}")) {
      throw new InvalidInputException(
          "an audit head's hash must be 64 lower-case hex digits, got '" + hash + "'");
    }
  }

  /**
   * Parses {@link #toString()}'s form, {@code SEQUENCE:HASH}.
   *
   * @throws InvalidInputException if {@code text} is not of that form
   */
  public static AuditHead parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new InvalidInputException("an audit head is SEQUENCE:HASH, got '" + text + "'");
    }
    long sequence;
    try {
      sequence = Long.parseLong(text.substring(0, colon).strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("an audit head is SEQUENCE:HASH, got '" + text + "'");
    }
    return new AuditHead(sequence, text.substring(colon + 1).strip());
  }

  /** {@code SEQUENCE:HASH}. */
  @Override
  public String toString() {
    return sequence + ":" + hash;
  }
}

package dev.solosuccess.engine;

import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.sdk.Redaction;
import dev.solosuccess.sdk.RedactionOptions;

/**
 * PHI detection and redaction without an engine: the same recognizers as {@code
 * engine.inference().redact(...)}, for tools that have no data folder (the {@code solo redact}
 * command, a log scrubber). Immutable and thread-safe; creating one loads the name lists (a few
 * tens of milliseconds), so create it once and share it. Nothing it reads is logged.
 *
 * <pre>{@code
 * PhiRedactor redactor = PhiRedactor.create();
 * Redaction r = redactor.redact("Seen by Dr. Ana Ruiz on 03/04/2019", RedactionOptions.defaults());
 * r.text();  // "Seen by Dr. [NAME] on [DATE]"
 * }</pre>
 *
 * @see dev.solosuccess.sdk.InferenceService#redact(String, RedactionOptions)
 */
public final class PhiRedactor {

  private final Deidentifier deidentifier;

  private PhiRedactor(Deidentifier deidentifier) {
    this.deidentifier = deidentifier;
  }

  public static PhiRedactor create() {
    return new PhiRedactor(Deidentifier.create());
  }

  /** Masks every identifier: {@code redact(text, RedactionOptions.defaults())}. */
  public Redaction redact(String text) {
    return redact(text, RedactionOptions.defaults());
  }

  /**
   * See {@link dev.solosuccess.sdk.InferenceService#redact(String, RedactionOptions)}.
   *
   * @throws dev.solosuccess.sdk.InvalidInputException if the text is null or longer than 10
   *     million characters
   */
  public Redaction redact(String text, RedactionOptions options) {
    return deidentifier.redact(text, options);
  }
}

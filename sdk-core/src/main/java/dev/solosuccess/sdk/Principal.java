package dev.solosuccess.sdk;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Someone or something that acts on the engine: a person or a service, with a role and access
 * labels. Never carries the API key (only its hash is stored).
 *
 * <p>Labels restrict which documents the principal sees: a principal with labels sees a document
 * only when the document carries at least one of them; a principal without labels is not
 * restricted and sees every document, labelled or not. See {@link IngestRequest#labels()}.
 *
 * @param name unique, 1 to 64 characters of letters, digits, {@code . _ @ -}
 * @param kind person or service
 * @param role what the principal may do
 * @param labels access labels, sorted; empty for no restriction
 * @param createdAt when it was added
 * @param revoked whether its key was revoked (a revoked principal can no longer act)
 */
public record Principal(
    String name,
    PrincipalKind kind,
    Role role,
    Set<String> labels,
    Instant createdAt,
    boolean revoked) {

  /** The principal of an engine opened without security configured. */
  public static final String LOCAL_ADMIN = "local-admin";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._:/=-]{1,128}");

  public Principal {
    checkName(name);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(role, "role");
    labels = checkLabels(labels);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether this principal sees only documents carrying one of its labels. */
  public boolean restricted() {
    return !labels.isEmpty();
  }

  /**
   * @throws InvalidInputException naming the value if it is not a valid principal name
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException(
          "a principal name must be 1 to 64 letters, digits, '.', '_', '@' or '-', got '" + name
              + "'");
    }
    return name;
  }

  /**
   * Validates access labels ({@code tenant:a}, {@code group:cardiology}): 1 to 128 letters,
   * digits and {@code . _ : / = -} each, at most 64 of them.
   *
   * @return the labels, sorted and unmodifiable
   * @throws InvalidInputException naming the first bad label
   */
  public static Set<String> checkLabels(Set<String> labels) {
    Objects.requireNonNull(labels, "labels");
    if (labels.size() > 64) {
      throw new InvalidInputException("at most 64 access labels, got " + labels.size());
    }
    for (String l : labels) {
      if (l == null || !LABEL.matcher(l).matches()) {
        throw new InvalidInputException(
            "an access label must be 1 to 128 letters, digits, '.', '_', ':', '/', '=' or '-',"
                + " got '" + l + "'");
      }
    }
    return Collections.unmodifiableSortedSet(new TreeSet<>(labels));
  }
}

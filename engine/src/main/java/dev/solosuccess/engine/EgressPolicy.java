package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What may leave the host when the LLM fallback calls a chat model: the hosts that may be called,
 * and whether protected health information is redacted from the question and the context before
 * they are sent (on unless switched off, for a model that runs inside the same trust boundary).
 *
 * <pre>{@code
 * EgressPolicy.allowing("api.openai.com");                          // redacts PHI
 * EgressPolicy.allowing("llm.internal.example").withoutRedaction(); // on-prem model
 * }</pre>
 *
 * @param allowedHosts host names (lower case) the fallback may connect to, at least one
 * @param redactPhi whether the question and context are redacted ({@code inference().redact} with
 *     the engine's {@link EngineConfig#phiRedaction()} options) before they are sent
 */
public record EgressPolicy(Set<String> allowedHosts, boolean redactPhi) {

  public EgressPolicy {
    if (allowedHosts == null || allowedHosts.isEmpty()) {
      throw new InvalidInputException("an egress policy must allow at least one host");
    }
    TreeSet<String> hosts = new TreeSet<>();
    for (String h : allowedHosts) {
      if (h == null || h.isBlank() || h.contains("/") || h.contains(" ")) {
        throw new InvalidInputException("allowed host must be a host name, got '" + h + "'");
      }
      hosts.add(h.strip().toLowerCase(Locale.ROOT));
    }
    allowedHosts = Set.copyOf(hosts);
  }

  /** Allows these hosts; redacts PHI. */
  public static EgressPolicy allowing(String... hosts) {
    return new EgressPolicy(Set.of(hosts), true);
  }

  /** The same hosts, sending text as it is. */
  public EgressPolicy withoutRedaction() {
    return new EgressPolicy(allowedHosts, false);
  }

  /** Whether {@code host} may be called. */
  public boolean allows(String host) {
    return host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT));
  }
}

package dev.solosuccess.sdk.internal.wire;

import dev.solosuccess.sdk.AnswerOptions;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.RedactionOptions;
import dev.solosuccess.sdk.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The request and reply bodies of {@code /api/v1} that are not SDK value types: one record per
 * call's arguments. Fields are passed to the engine as they arrive, so the engine's own checks (and
 * messages) apply to remote callers too. Immutable.
 */
public final class WireMessages {

  private WireMessages() {}

  /** Header naming a break-glass session started with {@code POST /api/v1/break-glass}. */
  public static final String BREAK_GLASS_HEADER = "X-Solo-Break-Glass";

  /** Multipart field of {@code POST /api/v1/documents}: the {@link SourcePart} of the file. */
  public static final String SOURCE_FIELD = "source";

  /** Multipart field of {@code POST /api/v1/ingest}: the {@link IngestParts} of the files. */
  public static final String REQUEST_FIELD = "request";

  /** Multipart file part(s), in the order of their {@link SourcePart}s. */
  public static final String FILE_FIELD = "file";

  /** One uploaded document: its source name and what {@code DocumentSource} adds to it. */
  public record SourcePart(String name, String id, String mediaType, Metadata metadata) {}

  /** A batch upload: the request's metadata and access labels, and each file's source. */
  public record IngestParts(Metadata metadata, Set<String> labels, List<SourcePart> sources) {}

  public record Count(long count) {}

  public record Text(String text) {}

  public record EraseWhere(String key, String value) {}

  public record Embed(List<String> texts, EmbeddingKind kind) {}

  public record Summarize(String documentId, int sentences) {}

  public record ZeroShot(String text, Map<String, String> labels) {}

  public record Classify(String classifier, List<String> texts) {}

  public record Redact(String text, RedactionOptions options) {}

  public record Ask(String question, AnswerOptions options) {}

  public record AddUser(String name, Role role, Set<String> labels, PrincipalKind kind) {}

  public record BreakGlass(String reason, Duration ttl) {}

  /** A started break-glass session: send {@code token} in {@link #BREAK_GLASS_HEADER}. */
  public record BreakGlassSession(String token, Instant expiresAt) {}
}

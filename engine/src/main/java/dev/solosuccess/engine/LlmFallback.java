package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The LLM fallback of {@code inference().answer}: an OpenAI-compatible Chat Completions endpoint
 * and the {@link EgressPolicy} that lets the engine call it. Off unless {@link
 * EngineConfig.Builder#llmFallback} is given one; {@link #build()} refuses a base URL whose host
 * the policy does not allow, and anything but HTTPS outside loopback.
 *
 * <p>The API key is read from an environment variable ({@value #DEFAULT_API_KEY_VARIABLE} unless
 * told otherwise) when the engine opens; without one no {@code Authorization} header is sent (a
 * local vLLM, Ollama or llama.cpp server). The key is never logged, never in {@link #toString()},
 * and never in an error message.
 *
 * <pre>{@code
 * LlmFallback gpt4o = LlmFallback.builder(URI.create("https://api.openai.com/v1"),
 *         EgressPolicy.allowing("api.openai.com"))
 *     .model("gpt-4o")
 *     .build();
 * EngineConfig config = EngineConfig.builder(dataDir).llmFallback(gpt4o).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LlmFallback {

  /** The GPT-4 family's general model. */
  public static final String DEFAULT_MODEL = "gpt-4o";

  public static final String DEFAULT_API_KEY_VARIABLE = "OPENAI_API_KEY";

  /** Connecting takes well under a second where the server is reachable at all. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** Between two reads of the reply: a large model can think for a while before its first byte. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  /** Retries after the first try, on 429, 5xx and timeouts. */
  public static final int DEFAULT_MAX_RETRIES = 3;

  /** The first backoff; each retry doubles it, jittered down by up to half. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);

  /** The longest wait before a retry, a server's {@code Retry-After} included. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);

  /** A cited answer of a few paragraphs. */
  public static final int DEFAULT_MAX_TOKENS = 512;

  /** A reply larger than this is refused: 512 tokens are a few KiB of JSON. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 1L << 20;

  private final URI baseUrl;
  private final EgressPolicy egress;
  private final String model;
  private final String apiKeyVariable;
  private final Function<String, String> environment;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final int maxTokens;
  private final long maxResponseBytes;
  private final boolean streaming;
  private final boolean cacheResponses;

  private LlmFallback(Builder b) {
    this.baseUrl = b.baseUrl;
    this.egress = b.egress;
    this.model = b.model;
    this.apiKeyVariable = b.apiKeyVariable;
    this.environment = b.environment;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxTokens = b.maxTokens;
    this.maxResponseBytes = b.maxResponseBytes;
    this.streaming = b.streaming;
    this.cacheResponses = b.cacheResponses;
  }

  /**
   * @param baseUrl the API root that {@code /chat/completions} is appended to, such as {@code
   *     https://api.openai.com/v1} or {@code http://127.0.0.1:11434/v1} (Ollama)
   * @param egress the hosts that may be called and whether PHI is redacted; required
   */
  public static Builder builder(URI baseUrl, EgressPolicy egress) {
    return new Builder(baseUrl, egress);
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** The host the fallback connects to. */
  public String host() {
    return baseUrl.getHost().toLowerCase(Locale.ROOT);
  }

  public EgressPolicy egress() {
    return egress;
  }

  public String model() {
    return model;
  }

  /** The name of the environment variable holding the API key. */
  public String apiKeyVariable() {
    return apiKeyVariable;
  }

  /** The API key from the environment, or null when it is not set. Never log it. */
  public String apiKey() {
    String key = environment.apply(apiKeyVariable);
    return key == null || key.isBlank() ? null : key.strip();
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public int maxTokens() {
    return maxTokens;
  }

  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** Whether replies are read as server-sent events (assembled before the answer is checked). */
  public boolean streaming() {
    return streaming;
  }

  /** Whether replies are kept in the data folder's store and reused for the same prompt. */
  public boolean cacheResponses() {
    return cacheResponses;
  }

  @Override
  public String toString() {
    return "LlmFallback[" + baseUrl + ", model " + model + ", key from $" + apiKeyVariable
        + ", allowed " + egress.allowedHosts() + ", redactPhi " + egress.redactPhi() + "]";
  }

  /** Builds an {@link LlmFallback}, validated in {@link #build()}; not thread-safe. */
  public static final class Builder {
    private final URI baseUrl;
    private final EgressPolicy egress;
    private String model = DEFAULT_MODEL;
    private String apiKeyVariable = DEFAULT_API_KEY_VARIABLE;
    private Function<String, String> environment = System::getenv;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
    private int maxTokens = DEFAULT_MAX_TOKENS;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private boolean streaming;
    private boolean cacheResponses = true;

    private Builder(URI baseUrl, EgressPolicy egress) {
      this.baseUrl = baseUrl;
      this.egress = egress;
    }

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder apiKeyVariable(String name) {
      this.apiKeyVariable = name;
      return this;
    }

    /** Where {@link #apiKeyVariable} is looked up: {@code System::getenv} unless a test says. */
    public Builder environment(Function<String, String> environment) {
      this.environment = environment;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    public Builder maxRetries(int retries) {
      this.maxRetries = retries;
      return this;
    }

    public Builder initialBackoff(Duration backoff) {
      this.initialBackoff = backoff;
      return this;
    }

    public Builder maxBackoff(Duration backoff) {
      this.maxBackoff = backoff;
      return this;
    }

    public Builder maxTokens(int tokens) {
      this.maxTokens = tokens;
      return this;
    }

    public Builder maxResponseBytes(long bytes) {
      this.maxResponseBytes = bytes;
      return this;
    }

    public Builder streaming(boolean streaming) {
      this.streaming = streaming;
      return this;
    }

    public Builder cacheResponses(boolean cache) {
      this.cacheResponses = cache;
      return this;
    }

    /**
     * @throws InvalidInputException if the base URL is not absolute HTTP(S), its host is not
     *     allowed by the egress policy, it is plain HTTP to a host other than loopback, or a
     *     setting is out of range
     */
    public LlmFallback build() {
      if (egress == null) {
        throw new InvalidInputException(
            "the LLM fallback needs an egress policy (EgressPolicy.allowing(host))");
      }
      if (baseUrl == null
          || baseUrl.getHost() == null
          || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
        throw new InvalidInputException(
            "the LLM fallback's base URL must be an absolute http(s) URL, got " + baseUrl);
      }
      if (baseUrl.getUserInfo() != null || baseUrl.getQuery() != null) {
        throw new InvalidInputException(
            "the LLM fallback's base URL must not carry credentials or a query: put the key in $"
                + apiKeyVariable);
      }
      String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
      if (!egress.allows(host)) {
        throw new InvalidInputException(
            "the egress policy does not allow host '" + host + "' of the LLM fallback's base URL "
                + baseUrl + " (allowed: " + egress.allowedHosts() + ")");
      }
      if ("http".equals(baseUrl.getScheme()) && !loopback(host)) {
        throw new InvalidInputException(
            "the LLM fallback must use https to reach " + host + "; plain http is for loopback"
                + " only, got " + baseUrl);
      }
      if (model == null || model.isBlank()) {
        throw new InvalidInputException("the LLM fallback's model name must not be blank");
      }
      if (apiKeyVariable == null || apiKeyVariable.isBlank()) {
        throw new InvalidInputException("apiKeyVariable must not be blank");
      }
      Objects.requireNonNull(environment, "environment");
      positive("connectTimeout", connectTimeout);
      positive("readTimeout", readTimeout);
      positive("initialBackoff", initialBackoff);
      positive("maxBackoff", maxBackoff);
      if (maxRetries < 0 || maxRetries > 10) {
        throw new InvalidInputException("maxRetries must be in 0..10, got " + maxRetries);
      }
      if (maxTokens < 1 || maxTokens > 1_000_000) {
        throw new InvalidInputException("maxTokens must be in 1..1000000, got " + maxTokens);
      }
      if (maxResponseBytes < 1024) {
        throw new InvalidInputException("maxResponseBytes must be >= 1024, got " + maxResponseBytes);
      }
      return new LlmFallback(this);
    }

    private static boolean loopback(String host) {
      return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]")
          || host.equals("::1");
    }

    private static void positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new InvalidInputException(name + " must be positive, got " + d);
      }
    }
  }
}

package dev.solosuccess.engine;

import dev.solosuccess.sdk.InvalidInputException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SoloServer} listens: address, port, TLS, limits and timeouts. Immutable; build one
 * with {@link #builder()}, which checks every value in {@link Builder#build()}.
 *
 * <p>The defaults are strict: loopback only, TLS 1.3 only, from a PKCS12 key store. Plain HTTP is
 * allowed only when asked for ({@link Builder#allowPlainHttp()}) and only on a loopback address;
 * anything else is refused with an {@link InvalidInputException} naming the value.
 *
 * <pre>{@code
 * ServerConfig config = ServerConfig.builder()
 *     .port(8443)
 *     .keyStore(Path.of("server.p12"), passwordChars)
 *     .rateLimit(50, Duration.ofSeconds(1))
 *     .build();
 * }</pre>
 */
public final class ServerConfig {

  /** Request bodies up to this size (32 MiB): a large scanned PDF fits, a runaway upload not. */
  public static final long DEFAULT_MAX_REQUEST_BYTES = 32L << 20;

  /** Search and answer limits up to this many hits: more is paging a whole index. */
  public static final int DEFAULT_MAX_TOP_K = 1_000;

  /** Requests served at once; the rest get 429 at once rather than queueing into timeouts. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  /** Requests per key per second, with a burst of as many. */
  public static final int DEFAULT_RATE_LIMIT = 50;

  /** A connection idle this long (no byte read or written) is closed. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** A request whose body arrives slower than this many bytes per second is cut (slowloris). */
  public static final long DEFAULT_MIN_REQUEST_DATA_RATE = 1_024;

  /** On stop, requests in flight get this long to finish before their connections are closed. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  /** How long a verified API key's bound client is reused before the engine checks it again. */
  public static final Duration DEFAULT_AUTH_CACHE_TTL = Duration.ofSeconds(30);

  private final InetAddress bindAddress;
  private final int port;
  private final Path keyStore; // null: plain HTTP
  private final char[] keyStorePassword;
  private final boolean allowPlainHttp;
  private final boolean allowTls12;
  private final long maxRequestBytes;
  private final int maxTopK;
  private final int maxConcurrentRequests;
  private final int rateLimitRequests;
  private final Duration rateLimitPeriod;
  private final Duration idleTimeout;
  private final long minRequestDataRate;
  private final Duration authCacheTtl;
  private final Duration stopGrace;
  private final ServerMetrics metrics;

  private ServerConfig(Builder b) {
    this.bindAddress = b.bindAddress;
    this.port = b.port;
    this.keyStore = b.keyStore;
    this.keyStorePassword = b.keyStorePassword == null ? null : b.keyStorePassword.clone();
    this.allowPlainHttp = b.allowPlainHttp;
    this.allowTls12 = b.allowTls12;
    this.maxRequestBytes = b.maxRequestBytes;
    this.maxTopK = b.maxTopK;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.rateLimitRequests = b.rateLimitRequests;
    this.rateLimitPeriod = b.rateLimitPeriod;
    this.idleTimeout = b.idleTimeout;
    this.minRequestDataRate = b.minRequestDataRate;
    this.authCacheTtl = b.authCacheTtl;
    this.stopGrace = b.stopGrace;
    this.metrics = b.metrics;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The address to listen on; loopback ({@code 127.0.0.1}) unless set. */
  public InetAddress bindAddress() {
    return bindAddress;
  }

  /** The port; 0 picks a free one ({@link SoloServer#port()} tells which). */
  public int port() {
    return port;
  }

  /** The PKCS12 key store of the server's certificate and key; empty for plain HTTP. */
  public Optional<Path> keyStore() {
    return Optional.ofNullable(keyStore);
  }

  /** A copy of the key store's password; empty for plain HTTP. */
  public Optional<char[]> keyStorePassword() {
    return Optional.ofNullable(keyStorePassword).map(char[]::clone);
  }

  /** Whether the server speaks plain HTTP (loopback only). */
  public boolean plainHttp() {
    return keyStore == null;
  }

  /** Whether TLS 1.2 is accepted besides TLS 1.3 (off: TLS 1.3 only). */
  public boolean allowTls12() {
    return allowTls12;
  }

  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  public int maxTopK() {
    return maxTopK;
  }

  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** Requests one API key may make per {@link #rateLimitPeriod()} (also the burst size). */
  public int rateLimitRequests() {
    return rateLimitRequests;
  }

  public Duration rateLimitPeriod() {
    return rateLimitPeriod;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Bytes per second under which a request body's upload is cut. */
  public long minRequestDataRate() {
    return minRequestDataRate;
  }

  public Duration authCacheTtl() {
    return authCacheTtl;
  }

  /** How long {@link SoloServer#close()} lets requests in flight finish. */
  public Duration stopGrace() {
    return stopGrace;
  }

  /** Where the server records its metrics; empty: a registry of its own (no model metrics). */
  public Optional<ServerMetrics> metrics() {
    return Optional.ofNullable(metrics);
  }

  @Override
  public String toString() {
    return "ServerConfig[" + bindAddress.getHostAddress() + ":" + port
        + (plainHttp() ? ", plain HTTP" : ", TLS " + (allowTls12 ? "1.2+" : "1.3")) + "]";
  }

  /** Builds a {@link ServerConfig}; not thread-safe. */
  public static final class Builder {
    private InetAddress bindAddress = InetAddress.getLoopbackAddress();
    private int port = 8443;
    private Path keyStore;
    private char[] keyStorePassword;
    private boolean allowPlainHttp;
    private boolean allowTls12;
    private long maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private int maxTopK = DEFAULT_MAX_TOP_K;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private int rateLimitRequests = DEFAULT_RATE_LIMIT;
    private Duration rateLimitPeriod = Duration.ofSeconds(1);
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private long minRequestDataRate = DEFAULT_MIN_REQUEST_DATA_RATE;
    private Duration authCacheTtl = DEFAULT_AUTH_CACHE_TTL;
    private Duration stopGrace = DEFAULT_STOP_GRACE;
    private ServerMetrics metrics;

    private Builder() {}

    /** Listen on this address (default loopback). Plain HTTP is refused on a non-loopback one. */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** 0 to 65535; 0 picks a free port. Default 8443. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Serve TLS with the certificate and key in this PKCS12 key store. */
    public Builder keyStore(Path pkcs12, char[] password) {
      this.keyStore = Objects.requireNonNull(pkcs12, "pkcs12");
      this.keyStorePassword = Objects.requireNonNull(password, "password").clone();
      return this;
    }

    /** Serve plain HTTP: allowed only on a loopback address and without a key store. */
    public Builder allowPlainHttp() {
      this.allowPlainHttp = true;
      return this;
    }

    /** Accept TLS 1.2 clients too (default: TLS 1.3 only). */
    public Builder allowTls12(boolean allow) {
      this.allowTls12 = allow;
      return this;
    }

    public Builder maxRequestBytes(long bytes) {
      this.maxRequestBytes = bytes;
      return this;
    }

    public Builder maxTopK(int k) {
      this.maxTopK = k;
      return this;
    }

    public Builder maxConcurrentRequests(int requests) {
      this.maxConcurrentRequests = requests;
      return this;
    }

    /** Each API key may make {@code requests} requests per {@code period}, in bursts of as many. */
    public Builder rateLimit(int requests, Duration period) {
      this.rateLimitRequests = requests;
      this.rateLimitPeriod = Objects.requireNonNull(period, "period");
      return this;
    }

    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder minRequestDataRate(long bytesPerSecond) {
      this.minRequestDataRate = bytesPerSecond;
      return this;
    }

    public Builder authCacheTtl(Duration ttl) {
      this.authCacheTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    public Builder stopGrace(Duration grace) {
      this.stopGrace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /** Record metrics here; pass the same object's listener to the engine for model metrics. */
    public Builder metrics(ServerMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * @throws InvalidInputException naming the value: a port out of range, plain HTTP not asked
     *     for or on a non-loopback address, a key store that is missing or given with plain HTTP,
     *     or a limit that is not positive
     */
    public ServerConfig build() {
      if (port < 0 || port > 65_535) {
        throw new InvalidInputException("port must be 0 to 65535, got " + port);
      }
      if (keyStore == null && !allowPlainHttp) {
        throw new InvalidInputException(
            "no TLS key store given: name a PKCS12 key store, or ask for plain HTTP on loopback"
                + " (--no-tls)");
      }
      if (keyStore != null && allowPlainHttp) {
        throw new InvalidInputException(
            "a key store and plain HTTP were both asked for; choose one");
      }
      if (allowPlainHttp && !bindAddress.isLoopbackAddress()) {
        throw new InvalidInputException(
            "plain HTTP is allowed on a loopback address only, got " + bindAddress.getHostAddress()
                + "; serve TLS with a key store to listen there");
      }
      if (keyStore != null && !Files.isRegularFile(keyStore)) {
        throw new InvalidInputException("no key store file at " + keyStore);
      }
      positive("maxRequestBytes", maxRequestBytes);
      positive("maxTopK", maxTopK);
      positive("maxConcurrentRequests", maxConcurrentRequests);
      positive("rate limit requests", rateLimitRequests);
      positive("rate limit period (ms)", rateLimitPeriod.toMillis());
      positive("idleTimeout (ms)", idleTimeout.toMillis());
      positive("minRequestDataRate", minRequestDataRate);
      if (stopGrace.isNegative()) {
        throw new InvalidInputException("stopGrace must not be negative, got " + stopGrace);
      }
      if (authCacheTtl.isNegative()) {
        throw new InvalidInputException("authCacheTtl must not be negative, got " + authCacheTtl);
      }
      return new ServerConfig(this);
    }

    private static void positive(String name, long value) {
      if (value <= 0) {
        throw new InvalidInputException(name + " must be positive, got " + value);
      }
    }
  }
}

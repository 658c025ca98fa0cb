package dev.solosuccess.sdk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How {@link SoloClient#connect(java.net.URI, String, RemoteOptions)} reaches a {@code solo serve}:
 * the certificates to trust (for a server with a self-signed or private-CA certificate; by default
 * the JDK's trusted roots) and timeouts. Immutable and thread-safe; built with {@link #builder()}.
 *
 * <pre>{@code
 * RemoteOptions options = RemoteOptions.builder()
 *     .trustCertificates(Path.of("server.pem"))
 *     .readTimeout(Duration.ofMinutes(2))
 *     .build();
 * try (SoloClient solo = SoloClient.connect(URI.create("https://localhost:8443"), key, options)) {
 *   ...
 * }
 * }</pre>
 */
public final class RemoteOptions {

  /** Time to open a connection: a server on the same network answers well within it. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Time between two reads of a reply: an ingest of a large file or an answer on a busy server may
   * take a while before the first byte.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

  /** Time for a whole call, zero for none (the read timeout still applies). */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ZERO;

  private static final RemoteOptions DEFAULTS = builder().build();

  private final X509TrustManager trustManager;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration callTimeout;

  private RemoteOptions(Builder b) {
    this.trustManager = b.trustManager;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.callTimeout = b.callTimeout;
  }

  /** The JDK's trusted roots and the default timeouts. */
  public static RemoteOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The trust manager for the server's certificate; empty for the JDK's default roots. */
  public Optional<X509TrustManager> trustManager() {
    return Optional.ofNullable(trustManager);
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  public Duration callTimeout() {
    return callTimeout;
  }

  @Override
  public String toString() {
    return "RemoteOptions[trust=" + (trustManager == null ? "default" : "custom") + ", connect="
        + connectTimeout + ", read=" + readTimeout + ", call=" + callTimeout + "]";
  }

  /** Builds {@link RemoteOptions}; not thread-safe. */
  public static final class Builder {
    private X509TrustManager trustManager;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;

    private Builder() {}

    /**
     * Trusts the certificates of a PKCS12 trust store (the server's own certificate, or the CA
     * that signed it) instead of the JDK's roots.
     *
     * @throws InvalidInputException if the file cannot be read as a PKCS12 store with that password
     */
    public Builder trustStore(Path pkcs12, char[] password) {
      Objects.requireNonNull(pkcs12, "pkcs12");
      try (InputStream in = Files.newInputStream(pkcs12)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, password);
        if (store.size() == 0) {
          throw new InvalidInputException("the trust store " + pkcs12 + " holds no certificate",
              pkcs12.toString(), null);
        }
        return trustStore(store);
      } catch (IOException | GeneralSecurityException e) {
        throw new InvalidInputException(
            "cannot read the trust store " + pkcs12 + " as PKCS12: " + e.getMessage(),
            pkcs12.toString(), e);
      } finally {
        if (password != null) {
          Arrays.fill(password, '\0');
        }
      }
    }

    /**
     * Trusts the certificates of a PEM file ({@code -----BEGIN CERTIFICATE-----} blocks: the
     * server's own certificate, as {@code keytool -exportcert -rfc} writes it, or its CA's), so
     * clients never need the server's key store.
     *
     * @throws InvalidInputException if the file cannot be read or holds no certificate
     */
    public Builder trustCertificates(Path pem) {
      Objects.requireNonNull(pem, "pem");
      try (InputStream in = Files.newInputStream(pem)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int n = 0;
        for (java.security.cert.Certificate c :
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
          store.setCertificateEntry("trusted-" + n++, c);
        }
        if (n == 0) {
          throw new InvalidInputException("no certificate in " + pem, pem.toString(), null);
        }
        return trustStore(store);
      } catch (IOException | GeneralSecurityException e) {
        throw new InvalidInputException(
            "cannot read certificates from " + pem + ": " + e.getMessage(), pem.toString(), e);
      }
    }

    /** Trusts the certificates of a loaded key store. */
    public Builder trustStore(KeyStore store) {
      Objects.requireNonNull(store, "store");
      try {
        TrustManagerFactory f =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager tm : f.getTrustManagers()) {
          if (tm instanceof X509TrustManager x) {
            return trustManager(x);
          }
        }
        throw new InvalidInputException("the trust store yields no X.509 trust manager");
      } catch (GeneralSecurityException e) {
        throw new InvalidInputException("cannot use the trust store: " + e.getMessage());
      }
    }

    /** Trusts what this trust manager trusts (for certificate pinning, say). */
    public Builder trustManager(X509TrustManager trustManager) {
      this.trustManager = Objects.requireNonNull(trustManager, "trustManager");
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

    /** Zero for no limit on a whole call. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * @throws InvalidInputException if a timeout is null, negative, or zero where one is needed
     */
    public RemoteOptions build() {
      positive("connectTimeout", connectTimeout);
      positive("readTimeout", readTimeout);
      if (callTimeout == null || callTimeout.isNegative()) {
        throw new InvalidInputException("callTimeout must be zero or positive, got " + callTimeout);
      }
      return new RemoteOptions(this);
    }

    private static void positive(String name, Duration d) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new InvalidInputException(name + " must be positive, got " + d);
      }
    }
  }
}

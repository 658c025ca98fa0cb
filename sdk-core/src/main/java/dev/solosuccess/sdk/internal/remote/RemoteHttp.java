package dev.solosuccess.sdk.internal.remote;

import dev.solosuccess.sdk.ClosedException;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.RemoteOptions;
import dev.solosuccess.sdk.UpstreamException;
import dev.solosuccess.sdk.internal.wire.Problems;
import dev.solosuccess.sdk.internal.wire.Wire;
import dev.solosuccess.sdk.internal.wire.WireMessages;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.type.TypeReference;

/**
 * The HTTP side of the remote client: one OkHttp client (its connection pool and threads) per
 * {@code connect}, the API key on every call, replies decoded with the shared {@link Wire} format and
 * problems turned back into the engine's exceptions ({@link Problems#exception}). A break-glass
 * client is a {@link #withBreakGlass view} sharing the pool, with its own closed flag. Thread-safe.
 */
final class RemoteHttp {

  static final MediaType JSON = MediaType.get("application/json");

  private final OkHttpClient http;
  private final HttpUrl api;
  private final String authorization;
  private final String breakGlassToken; // null for the principal's own client
  private final AtomicBoolean closed = new AtomicBoolean();
  private final RemoteHttp root; // the client that owns the pool; this one if none

  private RemoteHttp(OkHttpClient http, HttpUrl api, String authorization, String token,
      RemoteHttp root) {
    this.http = http;
    this.api = api;
    this.authorization = authorization;
    this.breakGlassToken = token;
    this.root = root == null ? this : root;
  }

  static RemoteHttp open(URI base, String apiKey, RemoteOptions options) {
    if (base == null) {
      throw new InvalidInputException("the server URI must not be null");
    }
    if (apiKey == null || apiKey.isBlank()) {
      throw new InvalidInputException("the API key must not be blank");
    }
    HttpUrl url = HttpUrl.parse(base.toString());
    if (url == null) {
      throw new InvalidInputException(
          "the server URI must be http:// or https:// with a host, got '" + base + "'");
    }
    HttpUrl api = url.newBuilder().addPathSegments("api/v1").build();
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .connectTimeout(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .writeTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .callTimeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .retryOnConnectionFailure(false) // a POST that changed data must not run twice
        .followRedirects(false); // the key must not follow a redirect to another host
    options.trustManager().ifPresent(tm -> b.sslSocketFactory(sslContext(tm).getSocketFactory(), tm));
    return new RemoteHttp(b.build(), api, "Bearer " + apiKey.strip(), null, null);
  }

  private static SSLContext sslContext(X509TrustManager tm) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {tm}, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException("cannot set up TLS with the given trust: " + e.getMessage());
    }
  }

  /** A view whose calls run in a break-glass session; closing it leaves this one open. */
  RemoteHttp withBreakGlass(String token) {
    return new RemoteHttp(http, api, authorization, token, root);
  }

  HttpUrl.Builder url(String... segments) {
    HttpUrl.Builder u = api.newBuilder();
    for (String s : segments) {
      u.addPathSegment(s);
    }
    return u;
  }

  <T> T get(HttpUrl url, Class<T> type) {
    return Wire.read(call(new Request.Builder().url(url).get()), type);
  }

  <T> T get(HttpUrl url, TypeReference<T> type) {
    return Wire.read(call(new Request.Builder().url(url).get()), type);
  }

  <T> T post(HttpUrl url, Object body, Class<T> type) {
    return Wire.read(call(new Request.Builder().url(url).post(json(body))), type);
  }

  <T> T post(HttpUrl url, Object body, TypeReference<T> type) {
    return Wire.read(call(new Request.Builder().url(url).post(json(body))), type);
  }

  /**
   * Posts a multipart upload. A file part streams from disk as the request is written; a server
   * that refuses the request early (size, key, rate limit) still answers with its problem (tested
   * with a 48 MB file against a 64 KiB limit on loopback).
   */
  <T> T upload(HttpUrl url, RequestBody body, Class<T> type) {
    return Wire.read(call(new Request.Builder().url(url).post(body)), type);
  }

  void postNoReply(HttpUrl url, Object body) {
    call(new Request.Builder().url(url).post(json(body)));
  }

  void delete(HttpUrl url) {
    call(new Request.Builder().url(url).delete());
  }

  private static RequestBody json(Object body) {
    return RequestBody.create(Wire.write(body == null ? Map.of() : body), JSON);
  }

  /** Runs a call: the reply's body on 2xx, else the engine's exception from the problem. */
  private byte[] call(Request.Builder request) {
    checkOpen();
    request.header("Authorization", authorization).header("Accept", "application/json");
    if (breakGlassToken != null) {
      request.header(WireMessages.BREAK_GLASS_HEADER, breakGlassToken);
    }
    Request r = request.build();
    try (Response response = http.newCall(r).execute()) {
      ResponseBody body = response.body();
      byte[] bytes = body == null ? new byte[0] : body.bytes();
      if (response.isSuccessful()) {
        return bytes.length == 0 ? "null".getBytes(java.nio.charset.StandardCharsets.US_ASCII) : bytes;
      }
      throw Problems.exception(response.code(), bytes);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new UpstreamException("interrupted while calling " + where(r), r.url().host(),
            UpstreamException.NO_STATUS, true, e);
      }
      throw new UpstreamException("timed out calling " + where(r), r.url().host(),
          UpstreamException.NO_STATUS, true, e);
    } catch (IOException e) {
      checkOpen(); // closed meanwhile: say so rather than blame the network
      throw new UpstreamException("cannot reach the server for " + where(r) + ": " + e.getMessage(),
          r.url().host(), UpstreamException.NO_STATUS, true, e);
    }
  }

  private static String where(Request r) {
    // method and path only: a query may carry a search term
    return r.method() + " " + r.url().scheme() + "://" + r.url().host() + ":" + r.url().port()
        + r.url().encodedPath();
  }

  void checkOpen() {
    if (closed.get() || root.closed.get()) {
      throw new ClosedException("remote SoloClient is closed");
    }
  }

  /**
   * Idempotent; the root also ends the pool's idle connections and threads. Calls in flight are
   * not cut short (an upload the server has taken is stored either way); later calls throw {@link
   * ClosedException}.
   */
  void close() {
    if (closed.compareAndSet(false, true) && root == this) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}

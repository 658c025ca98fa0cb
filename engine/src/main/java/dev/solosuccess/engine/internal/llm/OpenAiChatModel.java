package dev.solosuccess.engine.internal.llm;

import dev.solosuccess.engine.ChatModel;
import dev.solosuccess.engine.ChatReply;
import dev.solosuccess.engine.ChatRequest;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.internal.model.Sha256;
import dev.solosuccess.sdk.UpstreamException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A {@link ChatModel} on an OpenAI-compatible {@code POST {baseUrl}/chat/completions}, through
 * OkHttp: connect and read timeouts, retries on 429, 5xx and timeouts with {@link Backoff}, replies
 * whole or as server-sent events, and a cap on the reply's size. Redirects are not followed (they
 * could lead to a host the egress policy does not allow), and OkHttp's own silent retries are off
 * so that every request sent is one this class counts and reports to its {@link EgressRecorder}.
 *
 * <p>Thread-safe; holds OkHttp's connection pool and dispatcher threads until {@link #close()}.
 */
public final class OpenAiChatModel implements ChatModel, AutoCloseable {

  private static final MediaType JSON = MediaType.get("application/json");

  /** Jitter from the calling thread's own generator: calls on many threads do not contend. */
  private static final java.util.random.RandomGenerator THREAD_RANDOM =
      new java.util.random.RandomGenerator() {
        @Override
        public long nextLong() {
          return ThreadLocalRandom.current().nextLong();
        }
      };

  private final LlmFallback config;
  private final OkHttpClient http;
  private final HttpUrl url;
  private final String apiKey; // never logged, never in a message
  private final Backoff backoff;
  private final EgressRecorder recorder;

  private OpenAiChatModel(LlmFallback config, EgressRecorder recorder) {
    this.config = config;
    this.recorder = recorder;
    this.apiKey = config.apiKey();
    String base = config.baseUrl().toString();
    this.url = HttpUrl.get((base.endsWith("/") ? base : base + "/") + "chat/completions");
    this.backoff =
        new Backoff(config.initialBackoff(), config.maxBackoff(), THREAD_RANDOM);
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .build();
  }

  public static OpenAiChatModel create(LlmFallback config, EgressRecorder recorder) {
    return new OpenAiChatModel(config, recorder);
  }

  @Override
  public String model() {
    return config.model();
  }

  @Override
  public ChatReply chat(ChatRequest request) {
    return send(request, null, recorder);
  }

  @Override
  public ChatReply stream(ChatRequest request, Consumer<String> deltas) {
    return send(request, deltas, recorder);
  }

  /**
   * Sends a request, streaming when {@code deltas} is given (else reading the reply whole), and
   * tells {@code recorder} (rather than this client's own) what was sent: one client serves many
   * callers, each auditing as itself.
   */
  public ChatReply send(ChatRequest request, Consumer<String> deltas, EgressRecorder recorder) {
    byte[] body = ChatWire.requestBody(config.model(), request, config.maxTokens(), deltas != null);
    String sha = Sha256.hex(body);
    String host = config.host();
    int attempts = 0;
    UpstreamException last = null;
    String[] retryAfter = {null}; // the last answer's Retry-After header
    for (int retry = 0; retry <= config.maxRetries(); retry++) {
      if (last != null) {
        Duration wait = backoff.delay(retry - 1, retryAfter[0], Instant.now());
        if (wait == null) {
          break; // asked to wait longer than maxBackoff: the caller decides when to come back
        }
        sleep(wait, host);
      }
      attempts++;
      boolean[] delivered = {false};
      try {
        retryAfter[0] = null;
        ChatReply reply = once(body, deltas, delivered, retryAfter);
        recorder.sent(host, sha, attempts, reply.promptTokens(), reply.completionTokens(), "ok");
        return reply;
      } catch (UpstreamException e) {
        last = e;
        // A reply half handed to the caller cannot be taken back: no retry after the first piece.
        if (!e.retriable() || delivered[0]) {
          break;
        }
      }
    }
    recorder.sent(host, sha, attempts, -1, -1, last.code());
    if (last.retriable()) {
      throw new UpstreamException(
          last.getMessage() + " (after " + attempts + " attempts)", host, last.status(), true,
          last);
    }
    throw last;
  }

  private ChatReply once(
      byte[] body, Consumer<String> deltas, boolean[] delivered, String[] retryAfter) {
    Request.Builder rb =
        new Request.Builder()
            .url(url)
            .post(RequestBody.create(body, JSON))
            .header("Accept", deltas != null ? "text/event-stream" : "application/json");
    if (apiKey != null) {
      rb.header("Authorization", "Bearer " + apiKey);
    }
    String host = config.host();
    try (Response response = http.newCall(rb.build()).execute()) {
      int status = response.code();
      if (status == 429 || status == 408 || status >= 500) {
        retryAfter[0] = response.header("Retry-After");
        throw new UpstreamException(
            host + " answered HTTP " + status + (status == 429 ? " (rate limited)" : ""),
            host, status, true, null);
      }
      if (status != 200) {
        throw new UpstreamException(
            host + " refused the chat request: HTTP " + status
                + (status == 401 || status == 403 ? " (check the API key in $"
                    + config.apiKeyVariable() + ")" : ""),
            host, status, false, null);
      }
      ResponseBody rbody = response.body();
      long declared = rbody.contentLength();
      if (declared > config.maxResponseBytes()) {
        throw tooLarge(host, status);
      }
      try (InputStream in = new CappedInputStream(rbody.byteStream(), config.maxResponseBytes())) {
        if (deltas == null) {
          return ChatWire.reply(in.readAllBytes(), config.model());
        }
        return events(in, deltas, delivered);
      } catch (CappedInputStream.TooLarge e) {
        throw tooLarge(host, status);
      } catch (ChatWire.MalformedReply e) {
        throw new UpstreamException(
            "the reply of " + host + " is not a Chat Completions response: " + e.getMessage(),
            host, status, false, null);
      }
    } catch (InterruptedIOException | ConnectException e) {
      // Read/connect timeouts and refused connections: the server may be back shortly.
      throw new UpstreamException(
          "no reply from " + host + ": " + e.getClass().getSimpleName()
              + (e instanceof InterruptedIOException ? " (read timeout "
                  + config.readTimeout().toMillis() + " ms)" : ""),
          host, UpstreamException.NO_STATUS, true, null);
    } catch (IOException e) {
      throw new UpstreamException(
          "the call to " + host + " failed: " + e.getClass().getSimpleName(), host,
          UpstreamException.NO_STATUS, true, null);
    }
  }

  /** Server-sent events: {@code data: {json}} lines until {@code data: [DONE]} or the end. */
  private ChatReply events(InputStream in, Consumer<String> deltas, boolean[] delivered)
      throws IOException, ChatWire.MalformedReply {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    StringBuilder text = new StringBuilder();
    String model = config.model();
    int prompt = -1;
    int completion = -1;
    boolean done = false;
    String line;
    while ((line = reader.readLine()) != null) {
      if (!line.startsWith("data:")) {
        continue; // blank separators, comments (":"), event names and ids
      }
      String data = line.substring(5).strip();
      if (data.equals("[DONE]")) {
        done = true;
        break;
      }
      if (data.isEmpty()) {
        continue;
      }
      ChatWire.Chunk c = ChatWire.chunk(data);
      if (!c.delta().isEmpty()) {
        text.append(c.delta());
        delivered[0] = true;
        deltas.accept(c.delta());
      }
      if (c.model() != null) {
        model = c.model();
      }
      if (c.promptTokens() >= 0) {
        prompt = c.promptTokens();
      }
      if (c.completionTokens() >= 0) {
        completion = c.completionTokens();
      }
    }
    if (!done) {
      throw new ChatWire.MalformedReply("the event stream ended before data: [DONE]");
    }
    return new ChatReply(text.toString(), model, prompt, completion, false);
  }

  private UpstreamException tooLarge(String host, int status) {
    return new UpstreamException(
        "the reply of " + host + " is larger than maxResponseBytes " + config.maxResponseBytes(),
        host, status, false, null);
  }

  private static void sleep(Duration d, String host) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UpstreamException(
          "interrupted while waiting to retry " + host, host, UpstreamException.NO_STATUS, true,
          e);
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @Override
  public String toString() {
    return "OpenAiChatModel[" + url + ", " + config.model() + "]"; // no key
  }
}

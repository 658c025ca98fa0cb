package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.LlmFallback;
import dev.solosuccess.engine.ServerConfig;
import dev.solosuccess.engine.ServerMetrics;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.SoloServer;
import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.SoloException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo serve}: the data folder's engine over HTTPS (or plain HTTP on loopback) until
 * SIGTERM or Ctrl-C, which stop the server and close the engine (calls in flight finish first).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the data folder over HTTPS: the SoloClient API (/api/v1, what SoloClient.connect",
      "calls), OpenAI-compatible /v1/embeddings and /v1/models, /healthz, /readyz, /openapi.json",
      "and /metrics (admins and auditors). Every other call needs 'Authorization: Bearer KEY'",
      "with a key from 'solo users add'; a folder without principals is not served.",
      "TLS 1.3 only, from a PKCS12 key store (--key-store, --key-store-password-file). Plain",
      "HTTP only with --no-tls, and only on a loopback address. Binds to 127.0.0.1 unless",
      "--bind says otherwise. Prints the URL it listens on; stops on SIGTERM or Ctrl-C."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE})
public final class ServeCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on. Default: 127.0.0.1 (loopback only).")
  private String bind = "127.0.0.1";

  @Option(
      names = "--port",
      required = true,
      paramLabel = "PORT",
      description = "Port to listen on, 0 to 65535 (0: a free one, printed).")
  private int port;

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Transport transport;

  static final class Transport {
    @ArgGroup(exclusive = false)
    Tls tls;

    @Option(names = "--no-tls", required = true, description = "Plain HTTP: loopback addresses only.")
    boolean noTls;
  }

  static final class Tls {
    @Option(
        names = "--key-store",
        required = true,
        paramLabel = "FILE",
        description = "PKCS12 key store with the server's certificate and private key.")
    Path keyStore;

    @Option(
        names = "--key-store-password-file",
        required = true,
        paramLabel = "FILE",
        description = "A file holding the key store's password (one line).")
    Path passwordFile;
  }

  @Option(names = "--allow-tls12", description = "Accept TLS 1.2 clients too. Default: TLS 1.3 only.")
  private boolean allowTls12;

  @Option(
      names = "--max-request-bytes",
      paramLabel = "N",
      description = "Largest request body (an upload). Default: ${DEFAULT-VALUE}.")
  private long maxRequestBytes = ServerConfig.DEFAULT_MAX_REQUEST_BYTES;

  @Option(
      names = "--max-top-k",
      paramLabel = "N",
      description = "Most hits a search or answer may ask for. Default: ${DEFAULT-VALUE}.")
  private int maxTopK = ServerConfig.DEFAULT_MAX_TOP_K;

  @Option(
      names = "--max-concurrent-requests",
      paramLabel = "N",
      description = "Requests served at once; more get 429. Default: ${DEFAULT-VALUE}.")
  private int maxConcurrent = ServerConfig.DEFAULT_MAX_CONCURRENT_REQUESTS;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description = "Requests per second per API key (bursts of as many); more get 429 with"
          + " Retry-After. Default: ${DEFAULT-VALUE}.")
  private int rateLimit = ServerConfig.DEFAULT_RATE_LIMIT;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      description = "Close a connection idle this long. Default: ${DEFAULT-VALUE}.")
  private long idleTimeoutSeconds = ServerConfig.DEFAULT_IDLE_TIMEOUT.toSeconds();

  @Mixin private LlmOptions llm = new LlmOptions();

  @Option(names = "--json", description = "Print {\"url\": ...} when listening.")
  private boolean json;

  @Override
  public Integer call() {
    ServerMetrics metrics = ServerMetrics.create();
    ServerConfig config = config(metrics);
    PrintWriter out = spec.commandLine().getOut();
    LlmFallback fallback = llm.fallback(spec);
    SoloEngine engine =
        solo.openEngine(
            b -> b.inferenceListener(metrics.inferenceListener()).llmFallback(fallback));
    SoloServer server;
    try {
      server = SoloServer.start(engine, config);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              // SIGTERM or Ctrl-C: stop taking requests, then close the engine, which waits for
              // the calls in flight and commits the index.
              try {
                server.close();
                engine.close();
                out.println("stopped; engine closed");
                out.flush();
              } finally {
                closed.countDown();
              }
            },
            "solo-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (json) {
      ObjectNode n = Json.object();
      n.put("url", server.uri().toString());
      out.println(Json.write(n));
    } else {
      out.println("listening on " + server.uri());
    }
    out.flush();
    try {
      server.awaitStop();
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  private ServerConfig config(ServerMetrics metrics) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
    }
    ServerConfig.Builder b =
        ServerConfig.builder()
            .bindAddress(address)
            .port(port)
            .allowTls12(allowTls12)
            .maxRequestBytes(maxRequestBytes)
            .maxTopK(maxTopK)
            .maxConcurrentRequests(maxConcurrent)
            .rateLimit(rateLimit, Duration.ofSeconds(1))
            .idleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
            .metrics(metrics);
    if (transport.noTls) {
      b.allowPlainHttp();
    } else {
      char[] password = password(transport.tls.passwordFile);
      try {
        b.keyStore(transport.tls.keyStore, password);
      } finally {
        Arrays.fill(password, '\0');
      }
    }
    try {
      return b.build();
    } catch (InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** The first line of the password file, as characters (never a String that lingers). */
  private static char[] password(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes));
      Arrays.fill(bytes, (byte) 0);
      int end = 0;
      while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
        end++;
      }
      char[] password = new char[end];
      chars.get(password, 0, end);
      Arrays.fill(chars.array(), '\0');
      if (password.length == 0) {
        throw new SoloException("the key store password file " + file + " is empty");
      }
      return password;
    } catch (IOException e) {
      throw new SoloException(
          "cannot read the key store password file " + file + ": " + e.getClass().getSimpleName());
    }
  }
}

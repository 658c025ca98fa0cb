package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ServerConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.SoloServer;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.EmbeddingKind;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.RemoteOptions;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SearchRequest;
import dev.solosuccess.sdk.SoloClient;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load on {@code solo serve} over loopback: search and embed requests from 1, 8 and 32 concurrent
 * remote clients ({@code SoloClient.connect}, one client and its own connections per worker, as
 * separate applications would be), against a real {@link SoloServer} with TLS 1.3 and API keys in
 * front of an engine holding SciFact abstracts. Each level is bounded in requests and in time;
 * every request's text is new, so the model runs for each (no embedding cache hits).
 * Reports throughput, p50 and p99 latency, errors, and the heap after a full GC after each level
 * (the server runs in this process, so a leak per request would show as a climbing heap). See
 * {@code benchmarks/README.md}.
 */
@Command(
    name = "ServerLoad",
    mixinStandardHelpOptions = true,
    description = "Search and embed load on solo serve over loopback (see benchmarks/README.md).")
public final class ServerLoad implements Callable<Integer> {

  @Option(names = "--data", description = "The shared data folder (default: <repo>/../shared/data).")
  Path data;

  @Option(names = "--docs", description = "SciFact abstracts ingested (default: ${DEFAULT-VALUE}).")
  int docs = 1_000;

  @Option(names = "--clients", split = ",", description = "Concurrent clients per level (default: ${DEFAULT-VALUE}).")
  int[] clients = {1, 8, 32};

  @Option(names = "--requests", description = "Requests per level at most (default: ${DEFAULT-VALUE}).")
  int requests = 3_000;

  @Option(names = "--seconds", description = "Seconds per level at most (default: ${DEFAULT-VALUE}).")
  int seconds = 30;

  @Option(names = "--warmup", description = "Requests of each kind before the levels, not counted (default: ${DEFAULT-VALUE}).")
  int warmup = 300;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ServerLoad()).execute(args));
  }

  /** One kind of request a client sends. */
  interface Op {
    void call(SoloClient client, String query);
  }

  record Level(String op, int clients, int requests, int errors, double seconds, double p50Ms,
      double p99Ms, double heapMiB) {}

  @Override
  public Integer call() throws Exception {
    Machine machine = Machine.current();
    Path dataDir = (data != null ? data : IngestBenchmark.Repository.root().resolve("../shared/data")).normalize();
    Path work = Files.createTempDirectory("solo-server-load-");
    System.out.printf(
        "# solo serve load%n%n%d cores, %s; JDK %s; max heap %,d MiB; load average %.2f at start%n",
        machine.cores(), machine.cpu(), machine.jdk(), machine.maxHeapMiB(), machine.loadAverage());
    long start = System.nanoTime();
    try {
      List<String> queries = VectorSets.sciFactQueries(dataDir);
      String password = "load-" + System.nanoTime();
      Path keyStore = keyStore(work, password);
      try (SoloEngine engine = SoloEngine.open(EngineConfig.builder(work.resolve("data")).build())) {
        String admin = engine.users().add("load-admin", Role.ADMIN, Set.of(), PrincipalKind.SERVICE).apiKey();
        SoloClient root = engine.authenticate(admin);
        String reader = root.users().add("load-reader", Role.READER, Set.of(), PrincipalKind.SERVICE).apiKey();
        long t = System.nanoTime();
        List<SciFact.Abstract> abstracts = SciFact.read(dataDir, docs);
        List<DocumentSource> sources = new ArrayList<>();
        for (SciFact.Abstract a : abstracts) {
          sources.add(DocumentSource.ofText(a.id() + ".txt", a.title() + "\n\n" + a.text()).withId(a.id()));
        }
        root.documents().ingest(IngestRequest.builder().sources(sources).build());
        System.out.printf(
            "%,d SciFact abstracts ingested in %.1f s (embedded, not measured); %,d queries%n",
            abstracts.size(), (System.nanoTime() - t) / 1e9, queries.size());
        ServerConfig config =
            ServerConfig.builder()
                .port(0)
                .keyStore(keyStore, password.toCharArray())
                // The per-key rate limit would turn a load test into a 429 test: raised out of the way.
                .rateLimit(1_000_000, Duration.ofSeconds(1))
                .build();
        RemoteOptions options =
            RemoteOptions.builder().trustManager(trusting(keyStore, password)).build();
        try (SoloServer server = SoloServer.start(engine, config)) {
          System.out.printf(
              "Server %s (TLS 1.3, API key of a reader); %d-request or %d-second levels%n%n",
              server.uri(), requests, seconds);
          Op search = (c, q) -> c.search().search(SearchRequest.of(q));
          Op embed = (c, q) -> c.inference().embed(q, EmbeddingKind.QUERY);
          // Warm both paths (JIT, connections, caches) before anything is counted.
          run(server, reader, options, queries, "warm-up", search, 4, warmup, seconds);
          run(server, reader, options, queries, "warm-up", embed, 4, warmup, seconds);
          double heapStart = heapAfterGc();
          System.out.printf("Heap after warm-up and a full GC: %.0f MiB%n%n", heapStart);
          System.out.println("| request | clients | requests | errors | req/s | p50 ms | p99 ms | heap after, MiB |");
          System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
          for (String name : List.of("search", "embed")) {
            Op op = name.equals("search") ? search : embed;
            for (int n : clients) {
              Level l = run(server, reader, options, queries, name, op, n, requests, seconds);
              System.out.printf(
                  "| %s | %d | %,d | %d | %,.0f | %.1f | %.1f | %.0f |%n",
                  l.op(), l.clients(), l.requests(), l.errors(), l.requests() / l.seconds(),
                  l.p50Ms(), l.p99Ms(), l.heapMiB());
              System.out.flush();
            }
          }
        }
      }
    } finally {
      VectorSearchBenchmark.deleteTree(work);
    }
    System.out.printf(
        "%nTotal %.1f min; load average %.2f at the end.%n",
        (System.nanoTime() - start) / 60e9, Machine.loadNow());
    return 0;
  }

  /**
   * {@code clients} workers, each with its own remote client, send requests until {@code limit}
   * were sent in all or {@code maxSeconds} passed.
   */
  private static Level run(
      SoloServer server, String key, RemoteOptions options, List<String> queries, String name,
      Op op, int clients, int limit, int maxSeconds) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong firstError = new AtomicLong();
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    List<SoloClient> opened = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      opened.add(SoloClient.connect(server.uri(), key, options));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxSeconds);
    Thread[] workers = new Thread[clients];
    long start = System.nanoTime();
    for (int w = 0; w < clients; w++) {
      int id = w;
      latencies[id] = new long[limit];
      workers[w] =
          Thread.ofPlatform()
              .name("load-client-" + w)
              .start(
                  () -> {
                    SoloClient client = opened.get(id);
                    int i;
                    while ((i = next.getAndIncrement()) < limit && System.nanoTime() < deadline) {
                      String q = text(queries, SENT.getAndIncrement());
                      long s = System.nanoTime();
                      try {
                        op.call(client, q);
                        latencies[id][counts[id]++] = System.nanoTime() - s;
                      } catch (RuntimeException e) {
                        if (errors.getAndIncrement() == 0) {
                          firstError.set(System.nanoTime());
                          System.err.printf("%s: first error: %s%n", name, e);
                        }
                      }
                    }
                  });
    }
    for (Thread t : workers) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    opened.forEach(SoloClient::close);
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    long[] all = new long[total];
    int at = 0;
    for (int w = 0; w < clients; w++) {
      System.arraycopy(latencies[w], 0, all, at, counts[w]);
      at += counts[w];
    }
    Arrays.sort(all);
    double heap = heapAfterGc();
    return new Level(name, clients, total + errors.get(), errors.get(), elapsed,
        percentile(all, 0.50) / 1e6, percentile(all, 0.99) / 1e6, heap);
  }

  /** Requests sent so far, over every level: each one's text is new (see {@link #text}). */
  private static final AtomicLong SENT = new AtomicLong();

  /**
   * The n-th request's text: the SciFact queries in turn, then again with a round number after
   * them, so that no request is answered from the engine's embedding cache and every one runs the
   * model (a server's real traffic repeats some queries; this measures the costlier case).
   */
  static String text(List<String> queries, long n) {
    String q = queries.get((int) (n % queries.size()));
    long round = n / queries.size();
    return round == 0 ? q : q + " (" + round + ")";
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double heapAfterGc() {
    for (int i = 0; i < 2; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
  }

  /** A self-signed EC key store for CN=localhost, IP 127.0.0.1, made by this JDK's keytool. */
  private static Path keyStore(Path dir, String password) throws IOException, InterruptedException {
    Path file = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(), "-genkeypair", "-alias", "solo", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
    return file;
  }

  private static X509TrustManager trusting(Path keyStore, String password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      ks.load(in, password.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    return (X509TrustManager) tmf.getTrustManagers()[0];
  }
}

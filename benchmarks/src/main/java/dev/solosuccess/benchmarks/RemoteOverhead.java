package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.ServerConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.SoloServer;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

/**
 * What the remote client costs over the engine in the process, one caller at a time: ingesting
 * {@code examples/data} (a fresh data folder each way), and the latency of a document read, a
 * hybrid search and a query embedding (both audited, as every call), in the process ({@code engine.authenticate}) and through
 * {@code SoloClient.connect} to a {@code SoloServer} on loopback (plain HTTP, so the figure is the
 * wire format and HTTP, not TLS). Bounded: {@code --calls} per operation after 50 warm-up calls.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.solosuccess.benchmarks.RemoteOverhead [--calls 300]
 * </pre>
 */
public final class RemoteOverhead {

  private static final String[] QUERIES = {
    "How many vacation days do new hires get?", "refund window", "parental leave policy",
    "expense report deadline", "who approves overtime", "remote work equipment"
  };

  private RemoteOverhead() {}

  interface Call {
    void run(SoloClient c, int i);
  }

  public static void main(String[] args) throws Exception {
    int calls = args.length > 1 && args[0].equals("--calls") ? Integer.parseInt(args[1]) : 300;
    Path corpus = Path.of("examples/data");
    System.out.println(Machine.current());
    Path tmp = Files.createTempDirectory("solo-remote-overhead");
    // a first ingest warms the JIT (parsers, tokenizer, model glue), so neither side pays for it
    try (SoloEngine warm = SoloEngine.open(EngineConfig.builder(tmp.resolve("warm-up")).build())) {
      warm.documents().ingest(IngestRequest.of(corpus));
    }
    try (SoloEngine local = SoloEngine.open(EngineConfig.builder(tmp.resolve("local")).build());
        SoloEngine served = SoloEngine.open(EngineConfig.builder(tmp.resolve("served")).build())) {
      String localKey = local.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      String servedKey = served.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON).apiKey();
      try (SoloServer server = SoloServer.start(served, ServerConfig.builder().port(0)
              .allowPlainHttp().rateLimit(1_000_000, Duration.ofSeconds(1)).build());
          SoloClient remote = SoloClient.connect(server.uri(), servedKey)) {
        SoloClient inProcess = local.authenticate(localKey);
        long t = System.nanoTime();
        IngestSummary a = inProcess.documents().ingest(IngestRequest.of(corpus));
        double localIngest = (System.nanoTime() - t) / 1e9;
        t = System.nanoTime();
        IngestSummary b = remote.documents().ingest(IngestRequest.of(corpus));
        double remoteIngest = (System.nanoTime() - t) / 1e9;
        System.out.printf("| ingest examples/data (%d documents, %d chunks) | %.2f s | %.2f s |%n",
            a.ingested().size(), a.chunks(), localIngest, remoteIngest);
        if (b.chunks() != a.chunks()) {
          throw new IllegalStateException("remote ingest made " + b.chunks() + " chunks, local " + a.chunks());
        }
        String localId = inProcess.documents().list().get(0).id();
        String remoteId = remote.documents().list().get(0).id();
        row("document read (`documents().get`)", calls, inProcess, remote,
            (c, i) -> c.documents().get(c == inProcess ? localId : remoteId));
        row("hybrid search, 10 hits", calls, inProcess, remote,
            (c, i) -> c.search().search(QUERIES[Math.floorMod(i, QUERIES.length)]));
        row("query embedding of a new sentence", calls, inProcess, remote,
            (c, i) -> c.inference().embed(QUERIES[Math.floorMod(i, QUERIES.length)] + " #" + i));
      }
    }
    System.out.printf("load average after: %.2f%n", Machine.loadNow());
  }

  private static void row(String what, int calls, SoloClient local, SoloClient remote, Call call) {
    double[] l = time(calls, local, call);
    double[] r = time(calls, remote, call);
    System.out.printf("| %s, median / p99 | %.2f / %.2f ms | %.2f / %.2f ms |%n", what, l[0], l[1], r[0], r[1]);
  }

  private static double[] time(int calls, SoloClient c, Call call) {
    for (int i = 0; i < 50; i++) {
      call.run(c, -1 - i); // warm-up, with sentences the timed calls do not repeat
    }
    long[] ns = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t = System.nanoTime();
      call.run(c, i);
      ns[i] = System.nanoTime() - t;
    }
    Arrays.sort(ns);
    return new double[] {ns[calls / 2] / 1e6, ns[(int) Math.min(calls - 1, calls * 0.99)] / 1e6};
  }
}

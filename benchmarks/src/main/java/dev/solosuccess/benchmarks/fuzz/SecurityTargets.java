package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import dev.solosuccess.sdk.SoloClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * What access control adds: API keys given to {@link SoloEngine#authenticate}, principal names and
 * access labels given to {@code users().add}, labels given at ingest. A data folder of its own,
 * secured with an admin and a labelled reader. A mutated key that authenticates is a bug unless it
 * is one of the issued keys.
 */
final class SecurityTargets implements AutoCloseable {

  private final SoloEngine engine;
  private final SoloClient admin;
  private final List<String> keys = new ArrayList<>();
  private final List<String> names = List.of("alice", "svc-ingest", "bob.smith", "reader_1");
  private final List<String> labels = List.of("tenant:a", "group:cardiology", "tenant:b");

  SecurityTargets(Path work) {
    engine = SoloEngine.open(EngineConfig.builder(work.resolve("secured-data")).build());
    IssuedKey root = engine.users().add("root", Role.ADMIN, Set.of(), PrincipalKind.PERSON);
    keys.add(root.apiKey());
    admin = engine.authenticate(root.apiKey());
    keys.add(admin.users().add("reader", Role.READER, Set.of("tenant:a"), PrincipalKind.PERSON)
        .apiKey());
  }

  Target auth() {
    return new Target() {
      public String name() {
        return "auth";
      }

      public int weight() {
        return 4;
      }

      public void run(FuzzCase c) {
        SplittableRandom r = c.random;
        String seed = keys.get(r.nextInt(keys.size()));
        String key = r.nextInt(8) == 0
            ? Mutator.HOSTILE_TEXT.get(r.nextInt(Mutator.HOSTILE_TEXT.size()))
            : Mutator.mutate(seed, keys, c);
        c.describe("api key of " + key.length() + " chars");
        c.input(Mutator.utf8(key));
        engine.authenticate(key); // refused (a SoloException) unless it is an issued key
        if (!keys.contains(key)) {
          throw new IllegalStateException("a mutated API key authenticated");
        }
      }
    };
  }

  Target principals() {
    return new Target() {
      public String name() {
        return "principals";
      }

      public int weight() {
        return 4;
      }

      public void run(FuzzCase c) {
        SplittableRandom r = c.random;
        String name = Mutator.mutate(names.get(r.nextInt(names.size())), names, c);
        Set<String> ls = new LinkedHashSet<>();
        for (int i = r.nextInt(3); i > 0; i--) {
          ls.add(Mutator.mutate(labels.get(r.nextInt(labels.size())), labels, c));
        }
        c.describe("principal " + Mutator.escape(name) + " labels " + ls.size());
        c.input(Mutator.utf8(name + "\u0000" + String.join("\u0000", ls)));
        if (r.nextBoolean()) {
          admin.users().add(name, Role.values()[r.nextInt(Role.values().length)], ls,
              r.nextBoolean() ? PrincipalKind.PERSON : PrincipalKind.SERVICE);
          admin.users().revoke(name);
        } else {
          admin.documents().ingest(IngestRequest.builder()
              .source(DocumentSource.ofText("n.txt", "note for " + name).withId("n"))
              .labels(ls)
              .build());
        }
      }
    };
  }

  @Override
  public void close() {
    engine.close();
  }
}

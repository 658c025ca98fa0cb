package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.BeirDataset;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.internal.crypto.KeyRing;
import dev.solosuccess.engine.internal.model.ModelDescriptor;
import dev.solosuccess.sdk.SoloException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * The targets that read JSON and command lines: a model folder's {@code solo-model.json}, an
 * encrypted folder's {@code keys.json}, a backup's manifest (through restore), a BEIR folder's
 * JSON lines and qrels, and {@code solo} itself run in-process with mutated arguments.
 */
final class InputTargets {

  private static final String MODEL_JSON = """
      {"id": "my-model", "format": "onnx", "dimension": 384, "maxTokens": 256,
       "pooling": "mean", "normalize": true, "queryPrefix": "", "passagePrefix": "",
       "modelFile": "model.onnx", "tokenizerFile": "tokenizer.json", "description": "d"}
      """;

  private static final List<String> HOSTILE_JSON = List.of(
      "[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
      "{\"id\":\"m\",\"dimension\":1e400}", "{\"id\":\"m\",\"dimension\":99999999999999999999999}",
      "{\"id\":\"m\",\"dimension\":-0.0,\"maxTokens\":2147483648}", "{\"id\":\"\\u0000\"}",
      "{\"id\":\"\\uD800\"}", "{\"id\":\"m\",\"id\":\"n\"}", "", "null", "\"x\"", "[]");

  /** Arguments whose commands write to the paths they are given: parsed, never run. */
  private static final Set<String> WRITERS = Set.of("restore", "pin", "backup", "erase", "rotate",
      "train", "delete", "export", "ingest", "eval", "beir", "reindex", "decrypt");

  private static final List<List<String>> ARGV = List.of(
      List.of("search", "blood pressure", "--limit", "5", "--mode", "hybrid", "--json"),
      List.of("search", "x", "--filter", "year>=2020", "--filter", "team=a|b", "--chunks"),
      List.of("ingest", "/nonexistent/folder", "--meta", "team=x", "--chunk-tokens", "64",
          "--chunk-overlap", "8", "--include", "*.pdf", "--parse-timeout", "5", "--threads", "2"),
      List.of("docs", "list", "--json"), List.of("docs", "show", "doc-1", "--text"),
      List.of("embed", "hello world", "--json"), List.of("redact", "--text", "John Smith"),
      List.of("summarize", "doc-1", "--sentences", "3"), List.of("models", "list"),
      List.of("classify", "zero-shot", "text", "--label", "a=about a", "--label", "b=about b"),
      List.of("classify", "predict", "clf", "text"), List.of("audit", "verify"),
      List.of("verify"), List.of("keys", "rotate", "--new-key-file", "/nonexistent/k"),
      List.of("--device", "cpu", "search", "q"), List.of("--model", "all-minilm-l6-v2", "verify"),
      List.of("--help"), List.of("--version"), List.of("search", "--help"),
      List.of("eval", "beir", "/nonexistent/beir", "--split", "test"),
      List.of("restore", "/nonexistent/b", "/nonexistent/d"),
      List.of("users", "add", "alice", "--role", "reader", "--labels", "tenant:a,group:x", "--json"),
      List.of("users", "list", "--json"), List.of("users", "revoke", "alice"),
      List.of("--api-key-file", "/nonexistent/key", "search", "q", "--explain"),
      List.of("ingest", "/nonexistent/folder", "--labels", "tenant:a,tenant:b"),
      List.of("ask", "what is the dose?", "--json", "--threshold", "0.5"),
      List.of("decrypt", "/nonexistent/run.trec"));

  private final Path work;
  private final byte[] keysJson;
  private final byte[] manifest;
  private final Path backup;
  private final byte[] master = new byte[32];
  private final Path notAFolder;

  InputTargets(SoloEngine engine, Path work) throws IOException {
    this.work = work;
    new SplittableRandom(1).nextBytes(master);
    Path keysDir = Files.createDirectories(work.resolve("keys-seed"));
    KeyRing.create(keysDir, master).close();
    keysJson = Files.readAllBytes(keysDir.resolve(KeyRing.FILE));
    backup = work.resolve("backup-seed");
    engine.backup(backup);
    manifest = Files.readAllBytes(backup.resolve("backup.json"));
    notAFolder = Files.writeString(work.resolve("not-a-folder"), "a file, not a data folder");
  }

  Target json() {
    List<byte[]> partners = new ArrayList<>();
    for (String s : HOSTILE_JSON) {
      partners.add(Mutator.utf8(s));
    }
    partners.add(Mutator.utf8(MODEL_JSON));
    return new Target() {
      public String name() {
        return "json";
      }

      public int weight() {
        return 12;
      }

      public void run(FuzzCase c) throws IOException {
        SplittableRandom r = c.random;
        Path dir = Files.createDirectories(work.resolve("json-" + c.number));
        try {
          switch (r.nextInt(4)) {
            case 0 -> {
              byte[] b = r.nextInt(5) == 0
                  ? partners.get(r.nextInt(partners.size())) : Mutator.utf8(MODEL_JSON);
              write(c, dir.resolve(ModelDescriptor.FILE_NAME), b, partners, "solo-model.json");
              ModelDescriptor.read(dir);
            }
            case 1 -> {
              write(c, dir.resolve(KeyRing.FILE), keysJson, partners, "keys.json");
              KeyRing.open(dir, master).close();
            }
            case 2 -> {
              Path b = Files.createDirectories(dir.resolve("backup"));
              Files.copy(backup.resolve("store.zip"), b.resolve("store.zip"));
              write(c, b.resolve("backup.json"), manifest, partners, "backup.json");
              SoloEngine.restore(b, dir.resolve("restored"));
            }
            default -> {
              Files.createDirectories(dir.resolve("qrels"));
              byte[] corpus = Mutator.utf8("{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"blood\"}\n"
                  + "{\"_id\":\"d2\",\"title\":\"\",\"text\":\"pressure\"}\n");
              byte[] queries = Mutator.utf8("{\"_id\":\"q1\",\"text\":\"blood\"}\n");
              byte[] qrels = Mutator.utf8("query-id\tcorpus-id\tscore\nq1\td1\t1\n");
              int which = r.nextInt(3);
              write(c, dir.resolve("corpus.jsonl"), corpus, which == 0 ? partners : null, "corpus");
              write(c, dir.resolve("queries.jsonl"), queries, which == 1 ? partners : null, "queries");
              write(c, dir.resolve("qrels/test.tsv"), qrels, which == 2 ? partners : null, "qrels");
              BeirDataset.read(dir, "test");
            }
          }
        } finally {
          deleteTree(dir);
        }
      }
    };
  }

  /** Writes the seed, mutated when {@code partners} is given. */
  private static void write(FuzzCase c, Path file, byte[] seed, List<byte[]> partners, String what)
      throws IOException {
    byte[] b = seed;
    if (partners != null) {
      c.describe(what);
      b = Mutator.mutate(seed, partners, c);
      c.input(b);
    }
    Files.write(file, b);
  }

  Target cli() {
    List<String> tokens = new ArrayList<>();
    ARGV.forEach(tokens::addAll);
    return new Target() {
      public String name() {
        return "cli";
      }

      public int weight() {
        return 8;
      }

      /** A usage error (exit 2) or a SoloException reported by the command (exit 1). */
      public boolean expected(Throwable t) {
        return t instanceof CommandLine.ParameterException || t instanceof CliRefusal;
      }

      public void run(FuzzCase c) throws Exception {
        SplittableRandom r = c.random;
        List<String> argv = new ArrayList<>(ARGV.get(r.nextInt(ARGV.size())));
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
          int at = argv.isEmpty() ? 0 : r.nextInt(argv.size());
          switch (r.nextInt(5)) {
            case 0 -> argv.add(Math.min(at, argv.size()),
                Mutator.HOSTILE_TEXT.get(r.nextInt(Mutator.HOSTILE_TEXT.size())));
            case 1 -> argv.add(Math.min(at, argv.size()), tokens.get(r.nextInt(tokens.size())));
            case 2 -> {
              if (!argv.isEmpty()) {
                argv.remove(at);
              }
            }
            case 3 -> {
              if (!argv.isEmpty()) {
                argv.set(at, Mutator.mutate(argv.get(at), tokens, c));
              }
            }
            default -> argv.add(Math.min(at, argv.size()), String.valueOf(pick(r)));
          }
        }
        for (int i = argv.indexOf("--data-dir"); i >= 0; i = argv.indexOf("--data-dir")) {
          argv.remove(i);
        }
        List<String> full = new ArrayList<>(List.of("--data-dir", notAFolder.toString()));
        full.addAll(argv);
        c.describe("argv " + Mutator.escape(String.join(" ", argv.stream()
            .map(a -> a.length() > 60 ? a.substring(0, 60) + "..." : a).toList())));
        c.input(Mutator.utf8(String.join("\u0000", full)));
        StringWriter sink = new StringWriter();
        PrintWriter out = new PrintWriter(sink);
        CommandLine cl = Solo.commandLine(out, out);
        if (argv.stream().anyMatch(a -> WRITERS.contains(a.strip()))) {
          cl.parseArgs(full.toArray(String[]::new)); // a usage error throws: exit code 2
          return;
        }
        Throwable[] failure = new Throwable[1];
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
          failure[0] = e;
          return 1;
        });
        int code = cl.execute(full.toArray(String[]::new));
        if (failure[0] != null && !(failure[0] instanceof SoloException)) {
          throw new CliFailure(failure[0]);
        }
        if (code != 0) {
          throw new CliRefusal(code);
        }
      }
    };
  }

  private static long pick(SplittableRandom r) {
    long[] v = {-1, 0, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, 99999999999L};
    return v[r.nextInt(v.length)];
  }

  /** The command refused its arguments: a usage error, or a SoloException it reported. */
  static final class CliRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    CliRefusal(int code) {
      super("exit code " + code, null, false, false);
    }
  }

  /** A command failed with an exception other than a SoloException. */
  static final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CliFailure(Throwable cause) {
      super("solo failed with " + cause, cause);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

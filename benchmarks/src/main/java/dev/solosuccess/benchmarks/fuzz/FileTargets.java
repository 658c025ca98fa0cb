package dev.solosuccess.benchmarks.fuzz;

import dev.solosuccess.engine.ChunkingStrategy;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.engine.internal.chunk.Chunker;
import dev.solosuccess.engine.internal.model.ModelSpec;
import dev.solosuccess.engine.internal.model.ModelTokenizer;
import dev.solosuccess.engine.internal.parse.ExtractedText;
import dev.solosuccess.engine.internal.parse.Formats;
import dev.solosuccess.engine.internal.parse.ParseGuard;
import dev.solosuccess.engine.internal.parse.Parsers;
import dev.solosuccess.engine.internal.parse.TikaFormats;
import dev.solosuccess.sdk.DocumentSource;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The targets that take files: the bounded parsers (format detection, then the parser, then the
 * chunker on what it extracted), the chunker alone on hostile text, single-document ingest through
 * the public API, and archive ingest through a batch. Each runs on the fuzzer's one worker thread.
 */
final class FileTargets {

  /** Extensions a mutated name may take, so that a file meets a parser it was not made for. */
  private static final String[] EXTENSIONS = {
    ".txt", ".md", ".html", ".pdf", ".docx", ".xlsx", ".pptx", ".eml", ".rtf", ".odt", ".xml",
    ".csv", ".json", ".zip", ".bin", ""
  };

  /** Names with traversal, absolute paths and odd characters, for sources and entries. */
  static final String[] HOSTILE_NAMES = {
    "../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "a/../../b.txt", "\u0000.txt",
    "x".repeat(5000) + ".txt", "\u202Etxt.exe", ".", "", " ", "a\nb.txt", "con.txt"
  };

  private final FileSeeds seeds;
  private final Parsers parsers = new Parsers(new TikaFormats());
  private final List<Chunker> chunkers = new ArrayList<>();
  private byte[] bigLine;

  FileTargets(FileSeeds seeds) {
    this.seeds = seeds;
    ModelTokenizer tokenizer = ModelTokenizer.load(ModelSpec.ALL_MINILM_L6_V2);
    for (ChunkingStrategy s : ChunkingStrategy.values()) {
      chunkers.add(new Chunker(s, tokenizer, 126, 16));
    }
  }

  /** A seed file, mutated most of the time; large ones unchanged and rarely. */
  FileSeeds.Seed draw(List<FileSeeds.Seed> from, FuzzCase c) {
    SplittableRandom r = c.random;
    FileSeeds.Seed s = from.get(r.nextInt(from.size()));
    while (s.asIs() && r.nextInt(50) != 0) {
      s = from.get(r.nextInt(from.size()));
    }
    c.describe("seed " + s.name());
    byte[] bytes = s.bytes() != null ? s.bytes() : bigLine();
    if (!s.asIs() && r.nextInt(10) != 0) {
      bytes = Mutator.mutate(bytes, seeds.splicePartners, c);
    }
    String name = s.name();
    if (r.nextInt(8) == 0) {
      name = name.replaceFirst("\\.[a-z]+$", "") + EXTENSIONS[r.nextInt(EXTENSIONS.length)];
      c.describe("named " + name);
    }
    c.input(bytes);
    return new FileSeeds.Seed(name, bytes, s.asIs());
  }

  private byte[] bigLine() {
    if (bigLine == null) {
      bigLine = FileSeeds.hundredMegabyteLine();
    }
    return bigLine;
  }

  Target parse() {
    return new Target() {
      public String name() {
        return "parse+chunk";
      }

      public int weight() {
        return 20;
      }

      public void run(FuzzCase c) {
        FileSeeds.Seed s = draw(seeds.documents, c);
        Formats.Format f = Formats.detect(null, s.name(), s.bytes(), parsers.tika());
        if (f.reader() == Formats.Reader.ARCHIVE) {
          return; // the archive target reads these
        }
        ExtractedText text = parsers.parse(f, s.bytes(),
            new ParseGuard(s.name(), 10_000_000, Duration.ofSeconds(5)));
        if (text.text().contains("root:x:0:0")) {
          throw new AssertionError("an external entity was resolved: /etc/passwd was read");
        }
        // The chunker's cost grows with the word pieces: 868,000 characters of '[' (one piece
        // each) took 18 s on two busy cores. That is work bounded by maxExtractedChars, not a hang,
        // so only texts the engine under fuzz would accept (200,000 characters) are chunked here.
        if (!text.isBlank() && text.text().length() <= 200_000) {
          chunkers.get(c.random.nextInt(chunkers.size())).chunk(text);
        }
      }
    };
  }

  Target chunk() {
    List<String> texts = List.of(FileSeeds.TEXT, "# A\n\nshort.\n\n## B\n\n" + FileSeeds.TEXT,
        "one", "Dr. Smith, M.D., e.g. i.e. ... ?!?! 3.14 U.S.A.", "\u4E2D\u6587\u3002".repeat(40),
        "\uD83D\uDE00 emoji \uD83D\uDE00".repeat(30), "word ".repeat(2000));
    return new Target() {
      public String name() {
        return "chunk";
      }

      public int weight() {
        return 6;
      }

      public void run(FuzzCase c) {
        String s = Mutator.mutate(texts.get(c.random.nextInt(texts.size())), texts, c);
        c.input(Mutator.utf8(s));
        ExtractedText text;
        if (c.random.nextBoolean()) {
          text = ExtractedText.plain(s);
        } else {
          int cut = s.isEmpty() ? 0 : c.random.nextInt(s.length());
          text = ExtractedText.paged(List.of(s.substring(0, cut), "", s.substring(cut)));
        }
        if (!text.isBlank()) {
          chunkers.get(c.random.nextInt(chunkers.size())).chunk(text);
        }
      }
    };
  }

  Target ingest(SoloEngine engine) {
    return new Target() {
      public String name() {
        return "ingest";
      }

      public int weight() {
        return 3;
      }

      public void run(FuzzCase c) {
        FileSeeds.Seed s = draw(seeds.documents, c);
        String name = c.random.nextInt(6) == 0
            ? HOSTILE_NAMES[c.random.nextInt(HOSTILE_NAMES.length)] : s.name();
        DocumentSource source = DocumentSource.ofBytes(name, s.bytes());
        if (c.random.nextInt(5) == 0) {
          String pair = Mutator.mutate("team=cardiology", List.of("year=2024", "when=2024-03-01"), c);
          source = source.withMetadata(Metadata.parse(List.of(pair)));
        }
        engine.documents().ingest(source);
      }
    };
  }

  Target archive(SoloEngine engine, Path work) {
    return new Target() {
      public String name() {
        return "archive";
      }

      public int weight() {
        return 1;
      }

      public void run(FuzzCase c) throws IOException {
        FileSeeds.Seed s = draw(seeds.archives, c);
        Path folder = Files.createDirectories(work.resolve("archive-" + c.number));
        try {
          Files.write(folder.resolve("a.zip"), s.bytes());
          IngestSummary summary = engine.documents().ingest(IngestRequest.of(folder));
          for (SkippedFile f : summary.skipped()) {
            if (f.code().equals("internal-error")) {
              throw new AssertionError("internal error on " + f.source() + ": " + f.reason());
            }
          }
        } finally {
          Files.deleteIfExists(folder.resolve("a.zip"));
          Files.deleteIfExists(folder);
        }
        if (Files.exists(Path.of("/tmp/evil.txt")) || Files.exists(Path.of("/etc/evil.txt"))) {
          throw new AssertionError("an archive entry was written outside the archive");
        }
      }
    };
  }
}

package dev.solosuccess.benchmarks;

import dev.solosuccess.engine.EngineConfig;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.Document;
import dev.solosuccess.sdk.IngestRequest;
import dev.solosuccess.sdk.IngestSummary;
import dev.solosuccess.sdk.SkippedFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Bounded memory (issue 9): a 2 GiB text file and a 500-page PDF ingested in one batch by a child
 * JVM with a 1 GB heap that exits on any OutOfMemoryError, twice: with the engine's defaults (the
 * text file is refused from its size, maxDocumentBytes, before a byte is read) and with
 * maxDocumentBytes at 4 GiB (the text file is read as a stream and refused at maxExtractedChars).
 * The PDF must be stored with its 500 pages both times. Prints each file's outcome, the child's
 * peak heap and time; exits 1 if a check failed.
 *
 * <pre>
 * java ... dev.solosuccess.benchmarks.MemoryCheck [--work /tmp/solo-memory] [--text-mib 2048]
 *     [--pages 500] [--heap 1g]
 * </pre>
 */
public final class MemoryCheck {

  private MemoryCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Path.of(args[1]), Path.of(args[2]), Long.parseLong(args[3]));
      return;
    }
    Path work = Path.of("/tmp/solo-memory");
    long textMib = 2048;
    int pages = 500;
    String heap = "1g";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--work" -> work = Path.of(args[++i]);
        case "--text-mib" -> textMib = Long.parseLong(args[++i]);
        case "--pages" -> pages = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path docs = Files.createDirectories(work.resolve("docs"));
    Path text = docs.resolve("big.txt");
    long start = System.nanoTime();
    if (!Files.exists(text) || Files.size(text) != textMib << 20) {
      writeText(text, textMib << 20);
    }
    Path pdf = docs.resolve("book.pdf");
    writePdf(pdf, pages);
    System.out.printf("%s; files written in %.0f s: %s (%d bytes), %s (%d bytes, %d pages)%n%n",
        Machine.current(), (System.nanoTime() - start) / 1e9, text, Files.size(text), pdf,
        Files.size(pdf), pages);

    boolean ok = true;
    System.out.println("| run | file | outcome | detail |");
    System.out.println("|---|---|---|---|");
    List<String> heaps = new ArrayList<>();
    for (long maxBytes : new long[] {EngineConfig.DEFAULT_MAX_DOCUMENT_BYTES, 4L << 30}) {
      String run = "maxDocumentBytes " + (maxBytes >> 20) + " MiB";
      Path data = work.resolve("data-" + (maxBytes >> 20));
      deleteTree(data);
      List<String> lines = runChild(heap, data, docs, maxBytes);
      int code = Integer.parseInt(lines.remove(lines.size() - 1));
      String expectedLimit =
          maxBytes == EngineConfig.DEFAULT_MAX_DOCUMENT_BYTES ? "maxDocumentBytes" : "maxExtractedChars";
      boolean pdfStored = false;
      boolean textReported = false;
      for (String line : lines) {
        String[] f = line.split("\t");
        switch (f[0]) {
          case "INGESTED" -> {
            System.out.printf("| %s | %s | stored | %s pages, %s chunks |%n", run, name(f[1]),
                f[2], f[3]);
            pdfStored |= f[1].endsWith("book.pdf") && f[2].equals(String.valueOf(pages));
          }
          case "SKIPPED" -> {
            System.out.printf("| %s | %s | skipped: %s | %s |%n", run, name(f[1]), f[2], f[3]);
            textReported |= f[1].endsWith("big.txt") && f[2].equals("limit-exceeded")
                && f[3].contains(expectedLimit);
          }
          case "HEAP" -> heaps.add(String.format("%s: max heap %s MB, peak heap used %s MB"
              + " (sampled every 10 ms; sum of the heap pools' peaks %s MB), batch %s s", run,
              f[1], f[2], f[3], f[4]));
          default -> System.out.println("| " + run + " | | child said | " + line + " |");
        }
      }
      if (code != 0) {
        System.out.printf("| %s | | child exit %d%s | |%n", run, code,
            code == 3 ? " (out of memory)" : "");
      }
      ok &= code == 0 && pdfStored && textReported;
    }
    System.out.println();
    heaps.forEach(System.out::println);
    System.out.println(ok ? "\nPASS" : "\nFAIL");
    System.exit(ok ? 0 : 1);
  }

  private static String name(String source) {
    return Path.of(source).getFileName().toString();
  }

  private static List<String> runChild(String heap, Path data, Path docs, long maxBytes)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap,
        "-XX:+ExitOnOutOfMemoryError", "--add-modules", "jdk.incubator.vector",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        MemoryCheck.class.getName(), "--child", data.toString(), docs.toString(),
        String.valueOf(maxBytes)));
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (var out = p.inputReader(StandardCharsets.UTF_8)) {
      out.lines().forEach(lines::add);
    }
    if (!p.waitFor(30, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    lines.add(String.valueOf(p.exitValue()));
    return lines;
  }

  /** In the child JVM: one batch, each file's outcome, and the heap it took. */
  private static void child(Path data, Path docs, long maxBytes) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    EngineConfig config = EngineConfig.builder(data).maxDocumentBytes(maxBytes).build();
    try (SoloEngine engine = SoloEngine.open(config)) {
      IngestSummary s = engine.documents().ingest(IngestRequest.of(docs));
      for (Document d : s.ingested()) {
        System.out.println("INGESTED\t" + d.source() + "\t" + d.pages() + "\t" + d.chunks());
      }
      for (SkippedFile f : s.skipped()) {
        System.out.println("SKIPPED\t" + f.source() + "\t" + f.code() + "\t"
            + f.reason().replaceAll("\\s", " "));
      }
      sampler.interrupt();
      sampler.join();
      long pools = 0;
      for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == java.lang.management.MemoryType.HEAP) {
          pools += pool.getPeakUsage().getUsed();
        }
      }
      System.out.printf("HEAP\t%d\t%d\t%d\t%.1f%n", Runtime.getRuntime().maxMemory() >> 20,
          peak.get() >> 20, pools >> 20, s.elapsed().toMillis() / 1000.0);
    }
  }

  /** Lines of a pump log, a blank line now and then, {@code bytes} long. */
  static void writeText(Path file, long bytes) throws IOException {
    StringBuilder block = new StringBuilder();
    for (int i = 0; block.length() < (1 << 20); i++) {
      block.append("Line ").append(i).append(" of the long log: the pump ran at ")
          .append(i % 97).append(" litres per minute.\n");
      if (i % 9 == 8) {
        block.append('\n');
      }
    }
    byte[] b = block.toString().getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (long written = 0; written < bytes; written += b.length) {
        out.write(b, 0, (int) Math.min(b.length, bytes - written));
      }
    }
  }

  /** A book: {@code pages} Letter pages of 38 lines of varied prose each. */
  static void writePdf(Path file, int pages) throws IOException {
    String[] words = ("the pump valve pressure flow reading engineer checked morning report"
        + " station water level rose fell after before during storm maintenance crew noted"
        + " filter replaced gauge showed normal high low district supply tank main pipe").split(" ");
    Random random = new Random(9);
    try (PDDocument doc = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
      for (int p = 1; p <= pages; p++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.beginText();
          cs.setFont(font, 11);
          cs.newLineAtOffset(60, 730);
          for (int line = 0; line < 38; line++) {
            StringBuilder s = new StringBuilder(line == 0 ? "Chapter " + p + ". " : "");
            while (s.length() < 80) {
              s.append(words[random.nextInt(words.length)]).append(' ');
            }
            cs.showText(s.toString().strip() + (line % 6 == 5 ? "." : ""));
            cs.newLineAtOffset(0, -16);
          }
          cs.endText();
        }
      }
      doc.save(file.toFile());
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

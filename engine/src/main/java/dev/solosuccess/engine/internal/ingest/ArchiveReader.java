package dev.solosuccess.engine.internal.ingest;

import dev.solosuccess.sdk.internal.files.Globs;

import dev.solosuccess.sdk.LimitExceededException;
import dev.solosuccess.sdk.SkippedFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the entries of a ZIP archive one at a time, descending into archives inside it, so that an
 * archive of any size holds at most one entry in memory. Each entry's source is the archive's
 * followed by {@code !/} and the entry's path ({@code reports.zip!/2024/q1.pdf}).
 *
 * <p>Hostile archives are bounded: entries beyond the entry limit, archives nested deeper than the
 * depth limit, an entry larger than the document limit, and an entry that inflates more than the
 * ratio limit allows (a zip bomb) are reported as skipped, and reading stops at the first of them
 * that makes the rest unreadable. Not thread-safe.
 */
final class ArchiveReader {

  /** Below this many inflated bytes an entry is never judged by its ratio: tiny files compress well. */
  private static final long RATIO_GRACE_BYTES = 1L << 20;

  /** An entry that is a document, or one that was skipped. */
  sealed interface Item permits Entry, Skip {}

  /**
   * @param source {@code archive!/path}
   * @param path the entry's path inside the outermost archive, for include/exclude patterns
   * @param content its bytes
   */
  record Entry(String source, String path, byte[] content) implements Item {}

  record Skip(SkippedFile skipped) implements Item {}

  private record Level(String source, String prefix, ZipInputStream zip, CountingStream counted) {}

  private final Deque<Level> stack = new ArrayDeque<>();
  private final Limits limits;
  private final Globs globs;
  private int entries;
  private boolean stopped;

  /**
   * @param maxDepth archives inside archives: 1 reads only the outer archive's entries
   * @param maxEntries entries read in all, nested ones included
   * @param maxEntryBytes the largest entry, inflated
   * @param maxRatio the most inflated bytes per compressed byte of an entry
   */
  record Limits(int maxDepth, int maxEntries, long maxEntryBytes, int maxRatio) {}

  ArchiveReader(String source, byte[] archive, Limits limits, Globs globs) {
    this.limits = limits;
    this.globs = globs;
    push(source, "", archive);
  }

  private void push(String source, String prefix, byte[] bytes) {
    CountingStream counted = new CountingStream(new ByteArrayInputStream(bytes));
    stack.push(new Level(source, prefix, new ZipInputStream(counted), counted));
  }

  /** The next entry or skip, or {@code null} when the archive is done. */
  Item next() {
    while (!stack.isEmpty() && !stopped) {
      Level level = stack.peek();
      ZipEntry e;
      try {
        e = level.zip().getNextEntry();
      } catch (IOException | IllegalArgumentException ex) {
        stack.pop();
        return skip(level.source(), "invalid-input",
            level.source() + " is not a readable ZIP archive: " + ex.getMessage());
      }
      if (e == null) {
        stack.pop();
        continue;
      }
      if (e.isDirectory()) {
        continue;
      }
      String name = e.getName().replace('\\', '/');
      String source = level.source() + "!/" + name;
      String path = level.prefix() + name;
      if (++entries > limits.maxEntries()) {
        stopped = true;
        return new Skip(new SkippedFile(stack.getLast().source(), "limit-exceeded",
            stack.getLast().source() + " has more than maxArchiveEntries (" + limits.maxEntries()
                + ") entries; the rest were not read"));
      }
      boolean archive = Globs.isArchive(name);
      if (name.indexOf('\0') >= 0) {
        // No file system can hold such a name, and the pattern matchers refuse it.
        String shown = level.source() + "!/" + name.replace('\0', '?');
        return skip(shown, "invalid-input",
            shown + " is an archive entry whose name holds a NUL character; it was not read");
      }
      if (!globs.accepts(path)) {
        continue;
      }
      byte[] content;
      try {
        content = read(level, source);
      } catch (LimitExceededException ex) {
        if (ex.limitName().equals("maxCompressionRatio")) {
          // A bomb: nothing after it in this archive can be trusted to be worth reading.
          stack.pop();
        }
        return skip(source, ex.code(), ex.getMessage());
      } catch (IOException ex) {
        stack.pop();
        return skip(source, "invalid-input", "cannot read " + source + ": " + ex.getMessage());
      }
      if (archive) {
        if (stack.size() >= limits.maxDepth()) {
          return skip(source, "limit-exceeded",
              source + " is an archive nested more than maxArchiveDepth (" + limits.maxDepth()
                  + ") deep; it was not opened");
        }
        push(source, path + "!/", content);
        continue;
      }
      return new Entry(source, path, content);
    }
    return null;
  }

  private static Skip skip(String source, String code, String reason) {
    return new Skip(new SkippedFile(source, code, reason));
  }

  private byte[] read(Level level, String source) throws IOException {
    long compressedStart = level.counted().count();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    int n;
    while ((n = level.zip().read(buf)) > 0) {
      total += n;
      if (total > limits.maxEntryBytes()) {
        throw new LimitExceededException(
            source + " inflates to more than maxDocumentBytes (" + limits.maxEntryBytes() + ")",
            source, "maxDocumentBytes", limits.maxEntryBytes(), total);
      }
      long compressed = Math.max(1, level.counted().count() - compressedStart);
      if (total > RATIO_GRACE_BYTES && total > compressed * limits.maxRatio()) {
        throw new LimitExceededException(
            source + " inflates more than maxCompressionRatio (" + limits.maxRatio()
                + ":1) allows, as a zip bomb does; the rest of its archive was not read",
            source, "maxCompressionRatio", limits.maxRatio(), total / compressed);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  /** Counts the compressed bytes the inflater consumes. */
  private static final class CountingStream extends FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}

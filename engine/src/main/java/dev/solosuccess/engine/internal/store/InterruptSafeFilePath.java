package dev.solosuccess.engine.internal.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.util.List;
import org.h2.store.fs.FilePath;

/**
 * An H2 file system that keeps the store's file usable when a thread using it is interrupted: it
 * wraps another H2 file system (the plain disk, or a test's fault-injecting one) and opens {@link
 * InterruptSafeFile}s. URL form: {@code jdbc:h2:nointerrupt:file:/path}.
 *
 * <p>Why: an interrupt that arrives while a thread reads or writes a {@link FileChannel} closes
 * the channel for every thread, and H2 then closes the whole store ("database is closed") until
 * the engine reopens. The store is read and written from callers' threads (searches, the audit
 * trail, the embedding cache), so a cancelled {@code Future} or a stopped virtual thread would
 * otherwise brick the engine. H2's own {@code retry:} file system does the same reopening but
 * clears the interrupt status of the thread it retries for; this one restores it.
 *
 * <p>It extends {@link FilePath} rather than H2's {@code FilePathWrapper}, which creates instances
 * reflectively and would need this internal package exported to H2. Immutable and thread-safe;
 * registered with H2 once per JVM by {@link #register()}.
 */
final class InterruptSafeFilePath extends FilePath {

  static final String SCHEME = "nointerrupt";

  private static final class Registration {
    static {
      FilePath.register(new InterruptSafeFilePath(SCHEME + ":", null));
    }

    static void ensure() {}
  }

  private final FilePath base;

  private InterruptSafeFilePath(String name, FilePath base) {
    this.name = name;
    this.base = base;
  }

  /** Registers this file system with H2 (idempotent). */
  static void register() {
    Registration.ensure();
  }

  private static FilePath wrap(FilePath p) {
    return p == null ? null : new InterruptSafeFilePath(SCHEME + ":" + p.name, p);
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FilePath getPath(String path) {
    return wrap(FilePath.get(path.substring(SCHEME.length() + 1)));
  }

  @Override
  public FilePath unwrap() {
    return base;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new InterruptSafeFile(base, mode);
  }

  @Override
  public OutputStream newOutputStream(boolean append) throws IOException {
    return base.newOutputStream(append);
  }

  @Override
  public InputStream newInputStream() throws IOException {
    return base.newInputStream();
  }

  @Override
  public FilePath createTempFile(String suffix, boolean inTempDir) throws IOException {
    return wrap(base.createTempFile(suffix, inTempDir));
  }

  @Override
  public long size() {
    return base.size();
  }

  @Override
  public void moveTo(FilePath newName, boolean atomicReplace) {
    base.moveTo(newName.unwrap(), atomicReplace);
  }

  @Override
  public boolean createFile() {
    return base.createFile();
  }

  @Override
  public boolean exists() {
    return base.exists();
  }

  @Override
  public void delete() {
    base.delete();
  }

  @Override
  public List<FilePath> newDirectoryStream() {
    return base.newDirectoryStream().stream().map(InterruptSafeFilePath::wrap).toList();
  }

  @Override
  public FilePath toRealPath() {
    return wrap(base.toRealPath());
  }

  @Override
  public FilePath getParent() {
    return wrap(base.getParent());
  }

  @Override
  public boolean isDirectory() {
    return base.isDirectory();
  }

  @Override
  public boolean isRegularFile() {
    return base.isRegularFile();
  }

  @Override
  public boolean isAbsolute() {
    return base.isAbsolute();
  }

  @Override
  public long lastModified() {
    return base.lastModified();
  }

  @Override
  public boolean canWrite() {
    return base.canWrite();
  }

  @Override
  public void createDirectory() {
    base.createDirectory();
  }

  @Override
  public boolean setReadOnly() {
    return base.setReadOnly();
  }
}

package dev.solosuccess.engine.faults;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene directory whose file operations ask a {@link FaultPlan} first: creating a file (a file
 * chosen to fail writes its first block, then fails the next write or its close, as a disk that
 * fills up mid-file), syncing files, renaming one, and syncing the folder's metadata. Installed
 * beneath the index's encryption through the index module's internal {@code DirectoryHooks}.
 */
public final class FaultyDirectory extends FilterDirectory {

  private final FaultPlan plan;

  public FaultyDirectory(Directory in, FaultPlan plan) {
    super(in);
    this.plan = plan;
  }

  @Override
  public IndexOutput createOutput(String name, IOContext context) throws IOException {
    return wrap(name, in.createOutput(name, context));
  }

  @Override
  public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
      throws IOException {
    IndexOutput out = in.createTempOutput(prefix, suffix, context);
    return wrap(out.getName(), out);
  }

  private IndexOutput wrap(String name, IndexOutput out) {
    IOException fault = plan.next("create", name);
    return fault == null ? out : new TornOutput(out, fault);
  }

  @Override
  public void sync(Collection<String> names) throws IOException {
    fail("sync", names.size() + " files");
    in.sync(names);
  }

  @Override
  public void rename(String source, String dest) throws IOException {
    fail("rename", source);
    in.rename(source, dest);
  }

  @Override
  public void syncMetaData() throws IOException {
    fail("syncMetaData", "index folder");
    in.syncMetaData();
  }

  private void fail(String operation, String what) throws IOException {
    IOException fault = plan.next(operation, what);
    if (fault != null) {
      throw fault;
    }
  }

  /** Writes through the first write, then fails the next write or the close. */
  private static final class TornOutput extends FilterIndexOutput {
    private final IOException fault;
    private boolean wrote;

    TornOutput(IndexOutput out, IOException fault) {
      super("torn(" + out + ")", out.getName(), out);
      this.fault = fault;
    }

    @Override
    public void writeByte(byte b) throws IOException {
      check();
      out.writeByte(b);
    }

    @Override
    public void writeBytes(byte[] b, int offset, int length) throws IOException {
      check();
      out.writeBytes(b, offset, length);
    }

    private void check() throws IOException {
      if (wrote) {
        throw copy();
      }
      wrote = true;
    }

    @Override
    public void close() throws IOException {
      out.close(); // the file keeps what reached it
      throw copy();
    }

    /** A fresh exception each time: Lucene adds a close failure to the write's as suppressed. */
    private IOException copy() {
      return new IOException(fault.getMessage());
    }
  }
}

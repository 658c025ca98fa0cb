package dev.solosuccess.engine.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:faulty:PATH}) over the plain disk whose channels ask {@link
 * #PLAN} before each write and each force: a failing write first writes half its bytes (a torn
 * write, as a full disk leaves), then throws; a failing force throws without forcing. H2 creates
 * instances by reflection, hence the public class and the plan in a static field. Registered once
 * with {@link #register()}; only stores routed here (see {@code StoreFileSystem}) use it.
 */
public final class FaultyH2FileSystem extends FilePathWrapper {

  public static final String SCHEME = "faulty";
  public static final FaultPlan PLAN = new FaultPlan();
  private static boolean registered; // guarded by the class

  public FaultyH2FileSystem() {}

  public static synchronized void register() {
    if (!registered) {
      FilePath.register(new FaultyH2FileSystem());
      registered = true;
    }
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    String name = getBase().getName();
    return new Channel(getBase().open(mode), name.substring(name.lastIndexOf('/') + 1));
  }

  /** A channel that fails where {@link #PLAN} says. */
  private static final class Channel extends FileBase {
    private final FileChannel base;
    private final String file;

    Channel(FileChannel base, String file) {
      this.base = base;
      this.file = file;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      IOException fault = PLAN.next("write", file);
      if (fault != null) {
        tear(src, position);
        throw fault;
      }
      return base.write(src, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      IOException fault = PLAN.next("write", file);
      if (fault != null) {
        tear(src, base.position());
        throw fault;
      }
      return base.write(src);
    }

    private void tear(ByteBuffer src, long position) throws IOException {
      ByteBuffer half = src.duplicate();
      half.limit(half.position() + half.remaining() / 2);
      base.write(half, position);
    }

    @Override
    public void force(boolean metaData) throws IOException {
      IOException fault = PLAN.next("force", file);
      if (fault != null) {
        throw fault;
      }
      base.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return base.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return base.read(dst, position);
    }

    @Override
    public long position() throws IOException {
      return base.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      base.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return base.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      base.truncate(size);
      return this;
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      base.close();
    }
  }
}

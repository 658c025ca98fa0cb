package dev.solosuccess.engine.internal.parse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Checks a {@link ParseGuard} on every read, so a parser that keeps reading stops on time. */
final class GuardedInputStream extends FilterInputStream {

  private final ParseGuard guard;

  GuardedInputStream(InputStream in, ParseGuard guard) {
    super(in);
    this.guard = guard;
  }

  @Override
  public int read() throws IOException {
    guard.check();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    guard.check();
    return super.read(b, off, len);
  }

  @Override
  public long skip(long n) throws IOException {
    guard.check();
    return super.skip(n);
  }
}

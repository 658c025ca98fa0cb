package dev.solosuccess.index;

import java.nio.file.Path;
import java.util.List;

/**
 * A commit of an index held from deletion: its files stay as they are, and can be copied, while
 * the index goes on changing; {@link #close()} releases them. Used for online backups.
 */
public interface IndexSnapshot extends AutoCloseable {

  /** The sequence number the commit recorded. */
  long sequence();

  /** The folder that holds the files. */
  Path directory();

  /** The commit's files (names in {@link #directory()}), its segments file last. */
  List<String> files();

  /** Releases the files; idempotent. */
  @Override
  void close();
}

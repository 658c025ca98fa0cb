package dev.solosuccess.engine.internal.eval;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening the text files of a BEIR folder: UTF-8, gzip by the {@code .gz} name. Stateless. */
public final class BeirFiles {

  private BeirFiles() {}

  /** A reader of the file, decompressed when its name ends in {@code .gz}. */
  public static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * {@code folder/name}, or {@code folder/name.gz} when only that exists.
   *
   * @throws InvalidInputException if neither exists
   */
  public static Path find(Path folder, String name) {
    Path plain = folder.resolve(name);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    Path gz = folder.resolve(name + ".gz");
    if (Files.isRegularFile(gz)) {
      return gz;
    }
    throw new InvalidInputException(
        "no " + name + " (or " + name + ".gz) in " + folder, folder.toString(), null);
  }

  /** The line without a leading byte order mark. */
  public static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  /** The exception for a file that cannot be read. */
  public static RuntimeException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new InvalidInputException("no such file: " + file, file.toString(), e);
    }
    return new StorageException("cannot read " + file + ": " + e.getMessage(), file, e);
  }
}

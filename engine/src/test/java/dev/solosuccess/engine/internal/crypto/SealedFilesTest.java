package dev.solosuccess.engine.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Sealed files round-trip at every size around a segment boundary, and refuse to open when any
 * byte is flipped, when they are cut (mid-segment or exactly at a segment boundary), when a
 * segment is dropped or two are swapped, and under another key.
 */
class SealedFilesTest {

  private static final long SEED = Long.getLong("tests.seed", System.nanoTime());
  private final Random random = new Random(SEED);
  private final byte[] key = Aead.newKey();

  @Test
  void roundTripsAtEverySizeAroundSegmentBoundaries() throws IOException {
    int s = SealedFiles.SEGMENT;
    for (int size : new int[] {0, 1, 100, s - 1, s, s + 1, 2 * s, 2 * s + 7, 5 * s + 123}) {
      byte[] plain = random(size);
      byte[] sealed = seal(plain);
      assertThat(open(sealed)).as("size " + size + " (seed " + SEED + ")").isEqualTo(plain);
      if (size >= 16) {
        assertThat(indexOf(sealed, Arrays.copyOf(plain, 16))).as("plaintext visible").isNegative();
      }
    }
  }

  @Test
  void anyChangeCutOrReorderFailsToOpen() throws IOException {
    int s = SealedFiles.SEGMENT;
    byte[] plain = random(3 * s); // exactly three full segments: the cut at a boundary matters
    byte[] sealed = seal(plain);
    int header = SealedFiles.MAGIC.length + 1 + 60;
    int seg = s + 16;
    for (int i = 0; i < 200; i++) {
      byte[] flipped = sealed.clone();
      int at = random.nextInt(flipped.length);
      flipped[at] ^= (byte) (1 << random.nextInt(8));
      assertThatThrownBy(() -> open(flipped)).as("flip at " + at + " (seed " + SEED + ")")
          .isInstanceOfAny(Aead.WrongKeyException.class, IOException.class);
    }
    // Cut exactly after the second of three segments: each remaining segment is intact.
    byte[] cutAtBoundary = Arrays.copyOf(sealed, header + 2 * seg);
    assertThatThrownBy(() -> open(cutAtBoundary)).isInstanceOf(Aead.WrongKeyException.class)
        .hasMessageContaining("segment 1");
    byte[] cutInside = Arrays.copyOf(sealed, sealed.length - 5);
    assertThatThrownBy(() -> open(cutInside)).isInstanceOf(Aead.WrongKeyException.class);
    // Segments 0 and 1 swapped.
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, header + seg, swapped, header, seg);
    System.arraycopy(sealed, header, swapped, header + seg, seg);
    assertThatThrownBy(() -> open(swapped)).isInstanceOf(Aead.WrongKeyException.class)
        .hasMessageContaining("segment 0");
    // Segment 1 dropped.
    byte[] dropped = new byte[sealed.length - seg];
    System.arraycopy(sealed, 0, dropped, 0, header + seg);
    System.arraycopy(sealed, header + 2 * seg, dropped, header + seg, seg);
    assertThatThrownBy(() -> open(dropped)).isInstanceOf(Aead.WrongKeyException.class);
    // Another key.
    assertThatThrownBy(() -> SealedFiles.open(new ByteArrayInputStream(sealed), Aead.newKey()))
        .isInstanceOf(Aead.WrongKeyException.class);
    // Not sealed at all.
    assertThatThrownBy(() -> SealedFiles.open(new ByteArrayInputStream(plain), key))
        .isInstanceOf(IOException.class).hasMessageContaining("does not start with SOLOSEAL");
  }

  private byte[] random(int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  private byte[] seal(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream s = SealedFiles.seal(out, key)) {
      // Uneven writes, as callers make them.
      for (int off = 0; off < plain.length; ) {
        int n = Math.min(plain.length - off, 1 + random.nextInt(100_000));
        s.write(plain, off, n);
        off += n;
      }
    }
    return out.toByteArray();
  }

  private byte[] open(byte[] sealed) throws IOException {
    try (InputStream in = SealedFiles.open(new ByteArrayInputStream(sealed), key)) {
      return in.readAllBytes();
    }
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}

package dev.solosuccess.index.internal.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Lucene index (BM25 text, stored fields, HNSW vectors, several segments merged) written
 * through {@link EncryptingDirectory}: it searches and passes CheckIndex, holds no plaintext on
 * disk, refuses another key, and a changed byte is caught by Lucene's checksums.
 */
class EncryptingDirectoryTest {

  static final String CANARY = "zqxwombatq";
  @TempDir Path dir;

  static byte[] random(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Test
  void anEncryptedIndexSearchesChecksCleanAndHoldsNoPlaintext() throws Exception {
    byte[] key = random(32);
    byte[] id = random(8);
    Random r = new Random(42);
    float[][] vectors = new float[300][16];
    try (Directory d = new EncryptingDirectory(FSDirectory.open(dir), key, id);
        IndexWriter w =
            new IndexWriter(
                d, new IndexWriterConfig(new EnglishAnalyzer()).setMaxBufferedDocs(50))) {
      for (int i = 0; i < vectors.length; i++) {
        for (int j = 0; j < 16; j++) {
          vectors[i][j] = (float) r.nextGaussian();
        }
        Document doc = new Document();
        doc.add(new StringField("id", "doc" + i, Field.Store.YES));
        String text = "pump " + i + " " + (i == 7 ? CANARY : "valve");
        doc.add(new TextField("text", text, Field.Store.YES));
        doc.add(new StoredField("note", "stored " + CANARY + " " + i));
        doc.add(new KnnFloatVectorField("v", vectors[i], VectorSimilarityFunction.EUCLIDEAN));
        w.addDocument(doc);
      }
      w.forceMerge(1);
      w.commit();
    }
    try (Directory d = new EncryptingDirectory(FSDirectory.open(dir), key, id);
        DirectoryReader reader = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(reader);
      TopDocs hits = s.search(new TermQuery(new Term("text", CANARY)), 10);
      assertThat(hits.scoreDocs).hasSize(1);
      assertThat(s.storedFields().document(hits.scoreDocs[0].doc).get("id")).isEqualTo("doc7");
      TopDocs knn = s.search(new KnnFloatVectorQuery("v", vectors[123], 5), 5);
      assertThat(s.storedFields().document(knn.scoreDocs[0].doc).get("id")).isEqualTo("doc123");
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(d)) {
        check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(check.checkIndex().clean).as(log.toString(StandardCharsets.UTF_8)).isTrue();
      }
    }
    assertThat(canaryFiles(dir)).as("files holding the canary").isZero();
    assertThat(canaryFilesWithout()).as("the control: a plain index holds it").isPositive();
  }

  @Test
  void anotherKeyIsRefusedAndAChangedByteIsCaught() throws Exception {
    byte[] key = random(32);
    byte[] id = random(8);
    try (Directory d = new EncryptingDirectory(FSDirectory.open(dir), key, id);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new EnglishAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("text", "kettle descaling schedule", Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    assertThatThrownBy(
            () ->
                DirectoryReader.open(
                    new EncryptingDirectory(FSDirectory.open(dir), random(32), random(8))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("another index key");
    // The right id with the wrong key bytes: Lucene's checksums catch the garbage.
    assertThatThrownBy(
            () -> {
              try (DirectoryReader r =
                  DirectoryReader.open(
                      new EncryptingDirectory(FSDirectory.open(dir), random(32), id))) {
                r.numDocs();
              }
            })
        .isInstanceOf(IOException.class);
    // A flipped ciphertext byte in a segment file: CheckIndex reports it.
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment =
          files.filter(p -> p.getFileName().toString().endsWith(".cfs")
                  || p.getFileName().toString().endsWith(".tim"))
              .findFirst()
              .orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(segment, bytes);
    try (Directory d = new EncryptingDirectory(FSDirectory.open(dir), key, id);
        CheckIndex check = new CheckIndex(d)) {
      check.setInfoStream(
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(check.checkIndex().clean).isFalse();
    }
  }

  @Test
  void randomAccessReadsMatchWhatWasWrittenAtEveryOffset() throws Exception {
    byte[] key = random(32);
    byte[] id = random(8);
    byte[] data = new byte[70_000];
    new Random(7).nextBytes(data);
    try (Directory d = new EncryptingDirectory(FSDirectory.open(dir), key, id)) {
      try (IndexOutput out = d.createOutput("blob", IOContext.DEFAULT)) {
        out.writeBytes(data, 0, 1000);
        for (int i = 1000; i < 1017; i++) {
          out.writeByte(data[i]);
        }
        out.writeBytes(data, 1017, data.length - 1017);
        assertThat(out.getFilePointer()).isEqualTo(data.length);
      }
      assertThat(d.fileLength("blob")).isEqualTo(data.length);
      assertThat(Files.size(dir.resolve("blob")))
          .isEqualTo(data.length + EncryptingDirectory.HEADER);
      Random r = new Random(9);
      try (IndexInput in = d.openInput("blob", IOContext.DEFAULT)) {
        for (int i = 0; i < 500; i++) {
          int at = r.nextInt(data.length - 100);
          int n = 1 + r.nextInt(99);
          byte[] got = new byte[n];
          in.seek(at);
          in.readBytes(got, 0, n);
          assertThat(got).isEqualTo(java.util.Arrays.copyOfRange(data, at, at + n));
        }
        IndexInput slice = in.slice("s", 12_345, 20_000);
        IndexInput sliceClone = slice.clone();
        sliceClone.seek(17);
        assertThat(sliceClone.readByte()).isEqualTo(data[12_345 + 17]);
        assertThat(slice.length()).isEqualTo(20_000);
        assertThatThrownBy(() -> {
              slice.seek(19_999);
              slice.readBytes(new byte[2], 0, 2);
            })
            .isInstanceOf(java.io.EOFException.class);
      }
    }
  }

  private static int canaryFiles(Path root) throws IOException {
    int n = 0;
    try (Stream<Path> files = Files.list(root)) {
      for (Path p : files.toList()) {
        byte[] bytes = Files.readAllBytes(p);
        for (byte[] needle :
            new byte[][] {
              CANARY.getBytes(StandardCharsets.UTF_8), CANARY.getBytes(StandardCharsets.UTF_16LE)
            }) {
          if (indexOf(bytes, needle) >= 0) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private int canaryFilesWithout() throws IOException {
    Path plain = dir.resolve("plain");
    try (Directory d = FSDirectory.open(plain);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new EnglishAnalyzer()))) {
      Document doc = new Document();
      doc.add(new TextField("text", "pump " + CANARY, Field.Store.YES));
      w.addDocument(doc);
      w.commit();
    }
    return canaryFiles(plain);
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

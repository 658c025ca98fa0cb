package dev.solosuccess.engine.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * An OOXML package attached to an e-mail gets the same part-size check as a top-level one: a small
 * DOCX whose word/document.xml inflates past maxDocumentBytes is skipped before POI inflates it,
 * and the rest of the e-mail (its body, a normal DOCX beside it) is still read.
 */
class EmbeddedPackageLimitTest {

  static final long MAX_PART_BYTES = 4L << 20;

  @Test
  void anAttachedPackageWithAnOversizedPartIsSkippedAndTheRestIsRead() throws IOException {
    ByteArrayOutputStream big = new ByteArrayOutputStream();
    // About 0.9 MB zipped; word/document.xml inflates to about 31 MB.
    SampleDocuments.largeDocx(big, 300_000);
    byte[] mail =
        mail(
            "The pallets leave dock four on Thursday. Marker zqmailbody.",
            new Attachment("inventory.docx", big.toByteArray()),
            new Attachment("manual.docx", SampleDocuments.docx()));
    assertThat(mail.length).isLessThan((int) MAX_PART_BYTES);

    // The engine module does not read the management modules; its tests, patched in, may.
    for (String name : new String[] {"java.management", "jdk.management"}) {
      ModuleLayer.boot().findModule(name).ifPresent(getClass().getModule()::addReads);
    }
    ParseGuard guard = new ParseGuard("mail.eml", 50_000_000, Duration.ofMinutes(2), MAX_PART_BYTES);
    // Warm up (Tika and POI load and build their tables once), so that only this parse counts.
    byte[] small = mail("Warm-up.", new Attachment("manual.docx", SampleDocuments.docx()));
    ParsersTest.PARSERS.parse(Formats.detect("message/rfc822", "warm.eml", small, ParsersTest.TIKA),
        small, guard);
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ExtractedText text =
        ParsersTest.PARSERS.parse(
            Formats.detect("message/rfc822", "mail.eml", mail, ParsersTest.TIKA), mail, guard);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.printf("EmbeddedPackageLimitTest: %d KB e-mail, %d MB allocated while parsing%n",
        mail.length >> 10, allocated >> 20);

    assertThat(text.text())
        .contains("zqmailbody")
        .contains("Cranes lift containers from the quay at dawn.")
        .doesNotContain("storeroom shelf");
    // The 31 MB part was never inflated into memory (POI would hold it whole, then its text).
    assertThat(allocated).isLessThan(MAX_PART_BYTES * 4);
  }

  private record Attachment(String name, byte[] bytes) {}

  private static byte[] mail(String body, Attachment... attachments) {
    String boundary = "zq-boundary-1";
    StringBuilder m = new StringBuilder()
        .append("From: Dock Office <dock@example.com>\r\n")
        .append("To: Stores <stores@example.com>\r\n")
        .append("Subject: Thursday shipment\r\n")
        .append("Date: Tue, 5 Mar 2024 10:15:00 +0000\r\n")
        .append("Message-ID: <2@example.com>\r\n")
        .append("MIME-Version: 1.0\r\n")
        .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
        .append("--").append(boundary).append("\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
        .append(body).append("\r\n");
    for (Attachment a : attachments) {
      m.append("--").append(boundary).append("\r\n")
          .append("Content-Type: application/vnd.openxmlformats-officedocument.")
          .append("wordprocessingml.document; name=\"").append(a.name()).append("\"\r\n")
          .append("Content-Disposition: attachment; filename=\"").append(a.name()).append("\"\r\n")
          .append("Content-Transfer-Encoding: base64\r\n\r\n")
          .append(Base64.getMimeEncoder().encodeToString(a.bytes())).append("\r\n");
    }
    m.append("--").append(boundary).append("--\r\n");
    return m.toString().getBytes(StandardCharsets.US_ASCII);
  }
}

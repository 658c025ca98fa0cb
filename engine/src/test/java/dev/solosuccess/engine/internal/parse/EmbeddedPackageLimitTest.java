package dev.solosuccess.engine.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
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
        SampleDocuments.emlWithDocx(
            "The pallets leave dock four on Thursday. Marker zqmailbody.",
            new SampleDocuments.Attachment("inventory.docx", big.toByteArray()),
            new SampleDocuments.Attachment("manual.docx", SampleDocuments.docx()));
    assertThat(mail.length).isLessThan((int) MAX_PART_BYTES);

    // The engine module does not read the management modules; its tests, patched in, may.
    for (String name : new String[] {"java.management", "jdk.management"}) {
      ModuleLayer.boot().findModule(name).ifPresent(getClass().getModule()::addReads);
    }
    ParseGuard guard = new ParseGuard("mail.eml", 50_000_000, Duration.ofMinutes(2), MAX_PART_BYTES);
    // Warm up (Tika and POI load and build their tables once), so that only this parse counts.
    byte[] small = SampleDocuments.emlWithDocx(
        "Warm-up.", new SampleDocuments.Attachment("manual.docx", SampleDocuments.docx()));
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
}

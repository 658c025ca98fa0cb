package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.AuditEntry;
import dev.solosuccess.sdk.AuditHead;
import dev.solosuccess.sdk.AuditVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo audit}: check and export the audit trail. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "The audit trail: every access to documents, search and inference, hash-chained.",
      "Keep 'solo audit head' somewhere else now and then; 'verify --expect-head' then also",
      "proves that nobody rewrote the trail or cut its end since."
    },
    subcommands = {AuditCommand.Verify.class, AuditCommand.Head.class, AuditCommand.Export.class})
public final class AuditCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code solo audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Check every entry of the trail; name the first that was changed, removed,"
          + " inserted or moved.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:The trail is intact.",
        "1:The trail is broken (the first bad entry is named), or it cannot be read.",
        "2:Usage error."
      })
  static final class Verify implements Callable<Integer> {
    @ParentCommand private AuditCommand audit;
    @Spec private CommandSpec spec;

    @Option(
        names = "--expect-head",
        paramLabel = "SEQ:HASH",
        description = "A head printed earlier by 'solo audit head': that entry must be unchanged.")
    private String expectHead;

    @Option(names = "--json", description = "Print {intact, entries, firstBad, problem, head}.")
    private boolean json;

    @Override
    public Integer call() {
      AuditHead expected = null;
      if (expectHead != null) {
        try {
          expected = AuditHead.parse(expectHead);
        } catch (RuntimeException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      AuditVerification v;
      try (SoloEngine engine = audit.solo.openExistingEngine()) {
        v = expected == null ? engine.audit().verify() : engine.audit().verify(expected);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("intact", v.intact());
        n.put("entries", v.entries());
        if (v.firstBad().isPresent()) {
          n.put("firstBad", v.firstBad().getAsLong());
        } else {
          n.putNull("firstBad");
        }
        n.put("problem", v.problem());
        n.put("head", v.head().toString());
        out.println(Json.write(n));
      } else if (v.intact()) {
        out.println("The audit trail is intact: " + v.entries() + " entries, head " + v.head());
      } else {
        out.println("The audit trail is broken at entry " + v.firstBad().getAsLong() + ": "
            + v.problem() + " (" + v.entries() + " entries before it are intact)");
      }
      out.flush();
      return v.intact() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  /** {@code solo audit head}. */
  @Command(
      name = "head",
      mixinStandardHelpOptions = true,
      description = "Print the last entry's SEQ:HASH, to keep somewhere this host cannot write.")
  static final class Head implements Callable<Integer> {
    @ParentCommand private AuditCommand audit;
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print {sequence, hash}.")
    private boolean json;

    @Override
    public Integer call() {
      AuditHead head;
      try (SoloEngine engine = audit.solo.openExistingEngine()) {
        head = engine.audit().head();
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode n = Json.object();
        n.put("sequence", head.sequence());
        n.put("hash", head.hash());
        out.println(Json.write(n));
      } else {
        out.println(head);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code solo audit export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write entries as JSON lines (for a SIEM): {sequence, at, actor, action,"
          + " targets, detail, outcome, hash}.")
  static final class Export implements Callable<Integer> {
    static final int PAGE = 10_000;

    @ParentCommand private AuditCommand audit;
    @Spec private CommandSpec spec;

    @Option(
        names = "--since",
        paramLabel = "TIME",
        description = "Only entries at or after this instant (ISO-8601, e.g. 2026-11-01T00:00:00Z).")
    private String since;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE instead of standard output.")
    private Path output;

    @Override
    public Integer call() throws IOException {
      Instant from = Instant.EPOCH;
      if (since != null) {
        try {
          from = Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
          throw new ParameterException(
              spec.commandLine(),
              "--since must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, got '" + since
                  + "'");
        }
      }
      long written = 0;
      try (SoloEngine engine = audit.solo.openExistingEngine();
          Writer w =
              output == null
                  ? null
                  : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        PrintWriter out = w == null ? spec.commandLine().getOut() : new PrintWriter(w);
        List<AuditEntry> page = engine.audit().entriesSince(from, PAGE);
        while (!page.isEmpty()) {
          for (AuditEntry e : page) {
            out.println(Json.write(line(e)));
            written++;
          }
          long last = page.get(page.size() - 1).sequence();
          page = page.size() < PAGE ? List.of() : engine.audit().entries(last, PAGE);
        }
        out.flush();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      if (output != null) {
        spec.commandLine().getErr().println("Wrote " + written + " entries to " + output);
      }
      return ExitCodes.OK;
    }

    private static ObjectNode line(AuditEntry e) {
      ObjectNode n = Json.object();
      n.put("sequence", e.sequence());
      n.put("at", e.at().toString());
      n.put("actor", e.actor());
      n.put("action", e.action());
      ArrayNode t = n.putArray("targets");
      e.targets().forEach(t::add);
      n.set("detail", Json.parse(e.detail()));
      n.put("outcome", e.outcome());
      n.put("hash", e.hash());
      return n;
    }
  }
}

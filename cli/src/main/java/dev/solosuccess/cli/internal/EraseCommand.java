package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.ErasureReceipt;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo erase}: remove documents for good, with a receipt. */
@Command(
    name = "erase",
    mixinStandardHelpOptions = true,
    description = {
      "Erase documents for good: text, chunks, vectors, metadata and cached vectors leave the",
      "store, the index and the cache, and the store's file is rewritten when the engine closes.",
      "Prints a receipt with the audit entry that records it."
    })
public final class EraseCommand implements Callable<Integer> {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  static final class Selector {
    @Option(names = "--doc", paramLabel = "ID", description = "One document, by id.")
    String documentId;

    @Option(
        names = "--meta",
        paramLabel = "KEY=VALUE",
        description = "Every document whose metadata KEY equals VALUE (e.g. patient_id=P-123).")
    String meta;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  private Selector selector;

  @Option(names = "--json", description = "Print the receipt as JSON.")
  private boolean json;

  @Override
  public Integer call() {
    ErasureReceipt r;
    try (SoloEngine engine = solo.openExistingEngine()) {
      if (selector.documentId != null) {
        r = engine.documents().erase(selector.documentId);
      } else {
        int eq = selector.meta.indexOf('=');
        if (eq <= 0 || eq == selector.meta.length() - 1) {
          throw new ParameterException(
              spec.commandLine(), "--meta must be KEY=VALUE, got '" + selector.meta + "'");
        }
        r = engine.documents().eraseWhere(
            selector.meta.substring(0, eq).strip(), selector.meta.substring(eq + 1).strip());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode n = Json.object();
      ArrayNode ids = n.putArray("documentIds");
      r.documentIds().forEach(ids::add);
      n.put("chunks", r.chunks());
      n.put("cacheEntries", r.cacheEntries());
      n.put("auditSequence", r.auditSequence());
      n.put("seconds", r.took().toMillis() / 1000.0);
      out.println(Json.write(n));
    } else {
      out.printf(Locale.ROOT,
          "Erased %d documents (%d chunks, %d cached vectors); audit entry %d%n",
          r.documentIds().size(), r.chunks(), r.cacheEntries(), r.auditSequence());
    }
    out.flush();
    return ExitCodes.OK;
  }
}

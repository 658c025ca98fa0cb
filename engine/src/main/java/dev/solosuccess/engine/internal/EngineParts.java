package dev.solosuccess.engine.internal;

import dev.solosuccess.engine.internal.classify.Classifiers;
import dev.solosuccess.engine.internal.ingest.BatchIngestor;
import dev.solosuccess.engine.internal.ingest.Ingestor;
import dev.solosuccess.engine.internal.model.EmbeddingModel;
import dev.solosuccess.engine.internal.phi.Deidentifier;
import dev.solosuccess.engine.internal.search.SearchExecutor;
import dev.solosuccess.engine.internal.security.Caller;
import dev.solosuccess.engine.internal.security.EngineUsers;
import dev.solosuccess.engine.internal.security.Security;
import dev.solosuccess.engine.internal.store.MetadataStore;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The shared parts of an open engine, from which a client bound to one caller is made: each
 * caller gets its own thin service objects over the same store, index, model and writer. Immutable
 * and thread-safe.
 *
 * @param cacheEraser removes the cached passage vectors of these chunk texts; returns how many
 * @param answers the answer machinery shared by all callers (the LLM fallback's client and cache)
 */
public record EngineParts(
    Lifecycle lifecycle,
    MetadataStore store,
    Ingestor ingestor,
    BatchIngestor batch,
    EngineWriter writer,
    SearchExecutor executor,
    EmbeddingModel model,
    Classifiers classifiers,
    Deidentifier deidentifier,
    ToIntFunction<List<String>> cacheEraser,
    Security security,
    dev.solosuccess.engine.internal.answer.AnswerParts answers) {

  /** The services of {@code caller}, each auditing as it. */
  public BoundClient bind(Caller caller) {
    Auditor auditor = new Auditor(store.auditLog(), caller.actor(), caller.auditTags());
    // Answers retrieve through the caller's own search: its labels limit the context.
    EngineSearch search = new EngineSearch(lifecycle, executor, auditor, caller);
    return new BoundClient(
        this,
        caller,
        auditor,
        new EngineDocuments(
            lifecycle, store, ingestor, batch, writer, auditor, cacheEraser, caller),
        search,
        new EngineInference(lifecycle, model, store, classifiers, deidentifier, auditor, caller,
            answers.bind(search, auditor)),
        new EngineAudit(lifecycle, auditor, caller),
        new EngineUsers(lifecycle, security, caller, auditor));
  }
}

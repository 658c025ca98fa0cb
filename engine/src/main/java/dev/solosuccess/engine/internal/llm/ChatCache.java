package dev.solosuccess.engine.internal.llm;

import dev.solosuccess.engine.ChatReply;
import java.util.Collection;
import java.util.Optional;

/**
 * Replies of the chat model kept for reuse, keyed by the SHA-256 of the request body (which holds
 * the model name and the whole prompt), each tied to the documents whose text was in the prompt so
 * that deleting or erasing a document drops the replies made from it. Thread-safe.
 */
public interface ChatCache {

  Optional<ChatReply> get(byte[] key);

  void put(byte[] key, String model, ChatReply reply, Collection<String> documentIds);

  /** How many replies are kept. */
  long size();

  ChatCache NONE =
      new ChatCache() {
        @Override
        public Optional<ChatReply> get(byte[] key) {
          return Optional.empty();
        }

        @Override
        public void put(byte[] key, String model, ChatReply reply, Collection<String> ids) {}

        @Override
        public long size() {
          return 0;
        }
      };
}

package dev.solosuccess.cli.internal;

import dev.solosuccess.engine.EgressPolicy;
import dev.solosuccess.engine.LlmFallback;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The LLM fallback's options, shared by {@code solo ask} and {@code solo serve}: off unless
 * {@code --llm-url} is given, and then only with an egress policy naming the host it may call.
 * Not thread-safe (picocli fills it once per command line).
 */
public final class LlmOptions {

  @Option(
      names = "--llm-url",
      paramLabel = "URL",
      description = "OpenAI-compatible API root, e.g. https://api.openai.com/v1 (off unless set).")
  private URI llmUrl;

  @Option(
      names = "--llm-allow-host",
      paramLabel = "HOST",
      description = "Egress policy: a host the fallback may call; repeatable, required with"
          + " --llm-url.")
  private List<String> allowHosts = new ArrayList<>();

  @Option(
      names = "--llm-model",
      paramLabel = "NAME",
      description = "Chat model name (default ${DEFAULT-VALUE}).")
  private String llmModel = LlmFallback.DEFAULT_MODEL;

  @Option(
      names = "--llm-key-env",
      paramLabel = "VAR",
      description = "Environment variable holding the API key (default ${DEFAULT-VALUE}).")
  private String keyVariable = LlmFallback.DEFAULT_API_KEY_VARIABLE;

  @Option(
      names = "--llm-no-redaction",
      description = "Send question and context without PHI redaction (a model inside the same"
          + " trust boundary only).")
  private boolean noRedaction;

  /**
   * The fallback these options describe, or null when {@code --llm-url} is absent.
   *
   * @throws CommandLine.ParameterException when the URL and the egress policy don't go together
   */
  LlmFallback fallback(CommandSpec spec) {
    if (llmUrl == null) {
      if (!allowHosts.isEmpty() || noRedaction) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            (noRedaction ? "--llm-no-redaction" : "--llm-allow-host") + " needs --llm-url");
      }
      return null;
    }
    if (allowHosts.isEmpty()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--llm-url needs an egress policy: --llm-allow-host " + llmUrl.getHost());
    }
    EgressPolicy egress = EgressPolicy.allowing(allowHosts.toArray(String[]::new));
    return LlmFallback.builder(llmUrl, noRedaction ? egress.withoutRedaction() : egress)
        .model(llmModel)
        .apiKeyVariable(keyVariable)
        .build();
  }
}

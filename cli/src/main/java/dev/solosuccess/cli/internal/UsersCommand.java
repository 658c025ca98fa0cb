package dev.solosuccess.cli.internal;

import dev.solosuccess.cli.Solo;
import dev.solosuccess.engine.SoloEngine;
import dev.solosuccess.sdk.IssuedKey;
import dev.solosuccess.sdk.Principal;
import dev.solosuccess.sdk.PrincipalKind;
import dev.solosuccess.sdk.Role;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code solo users}: principals (people and services), their roles, labels and API keys. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = {
      "Manage principals and their API keys. On a data folder without principals, 'users add'",
      "creates the first one, an admin, with no key needed; from then on every command needs an",
      "API key (SOLO_API_KEY or --api-key-file), and only admins manage users."
    },
    subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Revoke.class})
public final class UsersCommand implements Runnable {

  @ParentCommand private Solo solo;
  @Spec private CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code solo users add NAME --role ROLE}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Add a principal and print its new API key, once: only its hash is kept.",
        "Roles: admin (everything), writer (ingest, delete, erase, and read), reader (search,",
        "read, inference), auditor (the audit trail only)."
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand private UsersCommand users;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Unique name: letters, digits, . _ @ -")
    private String name;

    @Option(
        names = "--role",
        required = true,
        paramLabel = "ROLE",
        description = "admin, writer, reader or auditor.")
    private Role role;

    @Option(
        names = "--labels",
        split = ",",
        paramLabel = "LABEL[,LABEL...]",
        description =
            "Access labels (tenant:a,group:cardiology): the principal sees only documents"
                + " carrying one of them. Default: none, it sees every document.")
    private List<String> labels = new ArrayList<>();

    @Option(names = "--service", description = "A service (application), not a person.")
    private boolean service;

    @Option(names = "--json", description = "Print {\"name\": ..., \"apiKey\": ...}.")
    private boolean json;

    @Override
    public Integer call() {
      try (SoloEngine engine = users.solo.openEngine()) {
        IssuedKey issued =
            engine.users().add(
                name,
                role,
                new TreeSet<>(labels),
                service ? PrincipalKind.SERVICE : PrincipalKind.PERSON);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          ObjectNode n = Json.object();
          n.put("name", issued.principal().name());
          n.put("apiKey", issued.apiKey());
          out.println(Json.write(n));
        } else {
          Principal p = issued.principal();
          out.println("Added " + describe(p) + ".");
          out.println("API key (shown only now; keep it secret):");
          out.println(issued.apiKey());
        }
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code solo users list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the principals with role, kind, labels and state (never keys).")
  static final class ListUsers implements Callable<Integer> {
    @ParentCommand private UsersCommand users;
    @Spec private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with a principals array.")
    private boolean json;

    @Override
    public Integer call() {
      try (SoloEngine engine = users.solo.openExistingEngine()) {
        List<Principal> all = engine.users().list();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          ObjectNode root = Json.object();
          ArrayNode array = root.putArray("principals");
          for (Principal p : all) {
            ObjectNode n = array.addObject();
            n.put("name", p.name());
            n.put("kind", lower(p.kind().name()));
            n.put("role", lower(p.role().name()));
            ArrayNode l = n.putArray("labels");
            p.labels().forEach(l::add);
            n.put("createdAt", p.createdAt().toString());
            n.put("revoked", p.revoked());
          }
          out.println(Json.write(root));
        } else if (all.isEmpty()) {
          out.println("No principals: security is not configured (every command acts as "
              + Principal.LOCAL_ADMIN + ").");
        } else {
          for (Principal p : all) {
            out.println(describe(p) + (p.revoked() ? ", revoked" : ""));
          }
        }
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code solo users revoke NAME}. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description = "Revoke a principal's API key; it fails at once from then on.")
  static final class Revoke implements Callable<Integer> {
    @ParentCommand private UsersCommand users;
    @Spec private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The principal.")
    private String name;

    @Override
    public Integer call() {
      try (SoloEngine engine = users.solo.openExistingEngine()) {
        engine.users().revoke(name);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Revoked the API key of " + name + ".");
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  static String describe(Principal p) {
    return p.name() + " (" + lower(p.kind().name()) + ", role " + lower(p.role().name())
        + ", labels " + (p.labels().isEmpty() ? "none" : String.join(",", p.labels())) + ")";
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

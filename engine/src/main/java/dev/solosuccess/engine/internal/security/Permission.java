package dev.solosuccess.engine.internal.security;

import dev.solosuccess.sdk.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a service method needs, and the roles that have it: the role matrix of {@link Role}.
 * Immutable.
 */
public enum Permission {
  /** Search, read documents, run inference. */
  READ("read documents and run inference", EnumSet.of(Role.ADMIN, Role.WRITER, Role.READER)),
  /** Ingest, delete and erase documents; train and delete classifiers. */
  WRITE("change documents or classifiers", EnumSet.of(Role.ADMIN, Role.WRITER)),
  /** Read and verify the audit trail. */
  AUDIT("read the audit trail", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
  /** Manage principals, back up the data folder. */
  ADMINISTER("manage users and backups", EnumSet.of(Role.ADMIN)),
  /** Start emergency access to documents outside the principal's labels. */
  BREAK_GLASS("use break-glass access", EnumSet.of(Role.ADMIN, Role.WRITER, Role.READER));

  private final String description;
  private final Set<Role> roles;

  Permission(String description, Set<Role> roles) {
    this.description = description;
    this.roles = roles;
  }

  public boolean allows(Role role) {
    return roles.contains(role);
  }

  /** What the permission lets a principal do, for error messages. */
  public String description() {
    return description;
  }
}

package dev.solosuccess.sdk;

/** Whether a {@link Principal} is a person or a service (an application acting on its own). */
public enum PrincipalKind {
  PERSON,
  SERVICE
}

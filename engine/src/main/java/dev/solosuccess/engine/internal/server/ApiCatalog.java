package dev.solosuccess.engine.internal.server;

import java.util.List;

/** The routes of the SoloClient API ({@code /api/v1}), as {@link RouteCatalog} lists them. */
final class ApiCatalog {

  private ApiCatalog() {}

  static List<RouteDoc> routes() {
    return ApiRoutes.docs();
  }
}

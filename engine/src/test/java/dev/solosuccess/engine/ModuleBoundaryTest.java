package dev.solosuccess.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.solosuccess.index.ChunkIndex;
import dev.solosuccess.sdk.SoloClient;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries hold: each module exports only its API package (an internal package at most
 * to a sibling module), and no public signature of an API package mentions a type of ONNX Runtime,
 * DJL, Lucene, H2, Jackson, OkHttp or an internal package.
 */
class ModuleBoundaryTest {

  static Stream<Arguments> modules() {
    return Stream.of(
        Arguments.of(SoloClient.class, "dev.solosuccess.sdk", Set.of("dev.solosuccess.sdk")),
        Arguments.of(ChunkIndex.class, "dev.solosuccess.index", Set.of("dev.solosuccess.index")),
        Arguments.of(
            SoloEngine.class,
            "dev.solosuccess.engine",
            Set.of("dev.solosuccess.engine", "dev.solosuccess.sdk")));
  }

  @ParameterizedTest
  @MethodSource("modules")
  void exportsOnlyItsApiPackage(Class<?> anchor, String api, Set<String> allowed) {
    Module module = anchor.getModule();
    assumeThat(module.isNamed()).as("running on the module path").isTrue();
    ModuleDescriptor d = module.getDescriptor();
    // to everyone: the API package only; an internal package may be shared with a sibling module
    // (the sdk's wire format and folder walk with the engine), never with a third party
    assertThat(d.exports()).filteredOn(e -> !e.isQualified())
        .extracting(ModuleDescriptor.Exports::source).containsExactly(api);
    assertThat(d.exports()).filteredOn(ModuleDescriptor.Exports::isQualified).allSatisfy(e -> {
      assertThat(e.source()).startsWith(api + ".internal.");
      assertThat(e.targets()).allMatch(t -> t.startsWith("dev.solosuccess."));
    });
    // opened for reflection only to Jackson (the sdk's records on the wire), never to everyone
    assertThat(d.opens()).allSatisfy(o -> {
      assertThat(o.isQualified()).isTrue();
      assertThat(o.targets()).containsExactly("tools.jackson.databind");
    });
  }

  @ParameterizedTest
  @MethodSource("modules")
  void publicSignaturesUseOnlyJavaAndApiTypes(Class<?> anchor, String api, Set<String> allowed)
      throws Exception {
    List<Class<?>> classes = apiClasses(anchor, api);
    assertThat(classes).as("classes of " + api).isNotEmpty();
    Set<String> violations = new TreeSet<>();
    for (Class<?> c : classes) {
      if (!Modifier.isPublic(c.getModifiers())) {
        continue;
      }
      List<Type> types = new ArrayList<>();
      if (c.getGenericSuperclass() != null) {
        types.add(c.getGenericSuperclass());
      }
      types.addAll(List.of(c.getGenericInterfaces()));
      for (Method m : c.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          types.add(m.getGenericReturnType());
          types.addAll(List.of(m.getGenericParameterTypes()));
          types.addAll(List.of(m.getGenericExceptionTypes()));
        }
      }
      for (Constructor<?> k : c.getDeclaredConstructors()) {
        if (visible(k.getModifiers())) {
          types.addAll(List.of(k.getGenericParameterTypes()));
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers())) {
          types.add(f.getGenericType());
        }
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) {
          types.add(rc.getGenericType());
        }
      }
      for (Type t : types) {
        for (Class<?> used : classesIn(t)) {
          String pkg = used.getPackageName();
          // javax.net.ssl (the remote client's trust) is the JDK's too: any type of a java.* module
          boolean jdk = used.getModule().isNamed() && used.getModule().getName().startsWith("java.");
          boolean ok = used.isPrimitive() || pkg.startsWith("java.") || jdk || allowed.contains(pkg);
          if (!ok) {
            violations.add(c.getName() + " uses " + used.getName());
          }
        }
      }
    }
    assertThat(violations).as("types outside java.* and " + allowed).isEmpty();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static Set<Class<?>> classesIn(Type t) {
    Set<Class<?>> out = new java.util.HashSet<>();
    collect(t, out);
    return out;
  }

  private static void collect(Type t, Set<Class<?>> out) {
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof ParameterizedType p) {
      collect(p.getRawType(), out);
      for (Type a : p.getActualTypeArguments()) {
        collect(a, out);
      }
    } else if (t instanceof GenericArrayType g) {
      collect(g.getGenericComponentType(), out);
    } else if (t instanceof WildcardType w) {
      Stream.concat(Stream.of(w.getUpperBounds()), Stream.of(w.getLowerBounds()))
          .forEach(b -> collect(b, out));
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        collect(b, out);
      }
    }
  }

  /** Every class of package {@code api}, read from the module's own content. */
  private static List<Class<?>> apiClasses(Class<?> anchor, String api) throws IOException {
    Module module = anchor.getModule();
    assumeThat(module.isNamed()).as("running on the module path").isTrue();
    ResolvedModule resolved =
        module.getLayer().configuration().findModule(module.getName()).orElseThrow();
    String prefix = api.replace('.', '/') + "/";
    List<String> names;
    try (ModuleReader reader = resolved.reference().open();
        Stream<String> list = reader.list()) {
      names =
          list.filter(n -> n.startsWith(prefix) && n.endsWith(".class"))
              .filter(n -> n.indexOf('/', prefix.length()) < 0)
              .map(n -> n.substring(0, n.length() - 6).replace('/', '.'))
              .collect(Collectors.toList());
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String n : names) {
      try {
        classes.add(Class.forName(n, false, anchor.getClassLoader()));
      } catch (ClassNotFoundException e) {
        throw new AssertionError("cannot load " + n, e);
      }
    }
    return classes;
  }
}

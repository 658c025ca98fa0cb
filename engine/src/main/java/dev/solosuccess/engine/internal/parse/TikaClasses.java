package dev.solosuccess.engine.internal.parse;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.apache.tika.exception.TikaException;
import org.apache.tika.parser.Parser;

/**
 * Tika classes the engine names but cannot import: Tika's parser modules are not Java modules
 * (their packaging breaks the module system), so they live on the class path, which the engine's
 * named module does not read. They are loaded by name, next to {@code tika-core}, and used
 * through tika-core's interfaces.
 */
final class TikaClasses {

  static final String ODF_CONTENT = "org.apache.tika.parser.odf.OpenDocumentContentParser";
  static final String ODF_META = "org.apache.tika.parser.odf.OpenDocumentMetaParser";
  private static final String OPC_PACKAGE = "org.apache.poi.openxml4j.opc.OPCPackage";
  private static final String OPC_WRAPPER =
      "org.apache.tika.parser.microsoft.ooxml.OPCPackageWrapper";

  private TikaClasses() {}

  /** A new instance of the named Tika parser. */
  static Parser parser(String className) {
    try {
      return (Parser) load(className).getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw missing(className, e);
    }
  }

  /**
   * Opens an OOXML package (DOCX, XLSX, PPTX) in memory with Apache POI and wraps it in Tika's
   * holder: set as a {@code TikaInputStream}'s open container, it makes Tika read this package
   * instead of copying the document into a temporary file to open it from there.
   *
   * @throws TikaException if the bytes are not an OOXML package
   */
  static OpenPackage openOoxml(InputStream in) throws TikaException {
    try {
      Class<?> opc = load(OPC_PACKAGE);
      Object pkg;
      try {
        pkg = opc.getMethod("open", InputStream.class).invoke(null, in);
      } catch (InvocationTargetException e) {
        throw new TikaException("not a readable OOXML package: " + Parsers.describe(e), e.getCause());
      }
      Object container = load(OPC_WRAPPER).getConstructor(opc).newInstance(pkg);
      Method revert = opc.getMethod("revert");
      return new OpenPackage(container, () -> {
        try {
          revert.invoke(pkg); // read-only use: drop the package without writing anything
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot release an OOXML package: " + e, e);
        }
      });
    } catch (ReflectiveOperationException e) {
      throw missing(OPC_WRAPPER, e);
    }
  }

  /**
   * An OOXML package open in memory.
   *
   * @param container what Tika expects as the stream's open container
   * @param release releases the package, writing nothing
   */
  record OpenPackage(Object container, Runnable release) {}

  private static Class<?> load(String name) throws ClassNotFoundException {
    return Class.forName(name, true, Parser.class.getClassLoader());
  }

  private static IllegalStateException missing(String className, Exception e) {
    return new IllegalStateException(
        "Apache Tika's " + className + " is missing from the class path: " + e, e);
  }
}

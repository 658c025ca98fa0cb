package dev.solosuccess.cli.internal;

import dev.solosuccess.sdk.InvalidInputException;
import dev.solosuccess.sdk.Metadata;
import dev.solosuccess.sdk.SearchFilter;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values parsed while the command line is read, so that a bad one is a usage error (exit 2)
 * that names it. Stateless.
 */
final class Converters {

  private Converters() {}

  /** {@code --meta KEY[:TYPE]=VALUE}: see {@link Metadata#parse(Iterable)}. */
  static final class MetadataPair implements ITypeConverter<Metadata> {
    @Override
    public Metadata convert(String value) {
      try {
        return Metadata.parse(List.of(value));
      } catch (InvalidInputException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --filter EXPR}: see {@link SearchFilter#parse(Iterable)}. */
  static final class FilterExpression implements ITypeConverter<SearchFilter> {
    @Override
    public SearchFilter convert(String value) {
      try {
        return SearchFilter.parse(List.of(value));
      } catch (InvalidInputException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}

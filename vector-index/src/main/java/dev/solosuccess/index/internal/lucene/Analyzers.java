package dev.solosuccess.index.internal.lucene;

import dev.solosuccess.index.TextAnalysis;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The Lucene analyzer of each {@link TextAnalysis}. */
final class Analyzers {

  private Analyzers() {}

  static Analyzer of(TextAnalysis analysis) {
    return switch (analysis) {
      case ENGLISH -> new EnglishAnalyzer();
      case ENGLISH_KSTEM -> new English(Stemmer.KSTEM, true);
      case ENGLISH_MINIMAL -> new English(Stemmer.MINIMAL, true);
      case ENGLISH_ALL_WORDS -> new English(Stemmer.PORTER, false);
      case STANDARD -> new StandardAnalyzer(CharArraySet.EMPTY_SET);
    };
  }

  private enum Stemmer {
    PORTER,
    KSTEM,
    MINIMAL
  }

  /** {@link EnglishAnalyzer}'s chain (without its keyword marker), with a choice of stemmer. */
  private static final class English extends Analyzer {
    private final Stemmer stemmer;
    private final boolean stopWords;

    English(Stemmer stemmer, boolean stopWords) {
      this.stemmer = stemmer;
      this.stopWords = stopWords;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new EnglishPossessiveFilter(source);
      result = new LowerCaseFilter(result);
      if (stopWords) {
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
      }
      result =
          switch (stemmer) {
            case PORTER -> new PorterStemFilter(result);
            case KSTEM -> new KStemFilter(result);
            case MINIMAL -> new EnglishMinimalStemFilter(result);
          };
      return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(in);
    }
  }
}

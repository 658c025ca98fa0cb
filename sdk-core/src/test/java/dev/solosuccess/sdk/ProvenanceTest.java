package dev.solosuccess.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvenanceTest {

  @Test
  void pagesAndLengths() {
    Provenance onPage = new Provenance(3, 10, 25);
    Provenance noPage = new Provenance(Provenance.NO_PAGE, 0, 0);

    assertThat(onPage.hasPage()).isTrue();
    assertThat(onPage.length()).isEqualTo(15);
    assertThat(noPage.hasPage()).isFalse();
    assertThat(noPage.length()).isZero();
    assertThat(Provenance.NO_PAGE).isZero();
  }

  @Test
  void aNegativePageIsRefusedNamingIt() {
    assertThatThrownBy(() -> new Provenance(-1, 0, 1))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessage("page must be >= 0, got -1");
  }

  @ParameterizedTest
  @CsvSource({"-1, 5", "5, 3", "0, -1", "-7, -9"})
  void badOffsetsAreRefusedNamingThem(int start, int end) {
    assertThatThrownBy(() -> new Provenance(1, start, end))
        .isExactlyInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("got " + start + ".." + end);
  }
}

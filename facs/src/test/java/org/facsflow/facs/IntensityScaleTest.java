package org.facsflow.facs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IntensityScaleTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "-1, ''", "0, ''", "0.999, ''",
            "1.0, A", "1.499, A",
            "1.5, B", "2.499, B",
            "2.5, C", "3.499, C",
            "3.5, D", "4.499, D",
            "4.5, E", "5.0, E", "7.0, E",
            "NaN, ''"})
    void lettersChangeAtTheDocumentedBoundaries(float intensity, String letter) {
        assertThat(IntensityScale.letter(intensity).map(Enum::name).orElse("")).isEqualTo(letter);
        assertThat(IntensityScale.isPresent(intensity)).isEqualTo(!letter.isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"A, trace", "C, marked or pronounced", "E, maximum"})
    void lettersCarryFacsWords(IntensityScale letter, String meaning) {
        assertThat(letter.meaning()).isEqualTo(meaning);
    }
}

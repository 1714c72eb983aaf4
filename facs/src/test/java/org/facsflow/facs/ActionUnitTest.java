package org.facsflow.facs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionUnitTest {

    @Test
    void fileListsEveryNumberOnce() throws IOException {
        JsonNode codes;
        try (InputStream in = ActionUnit.class.getResourceAsStream("facs-codes.json")) {
            codes = new ObjectMapper().readTree(in);
        }
        Set<Integer> numbers = new HashSet<>();
        for (JsonNode code : codes) assertThat(numbers.add(code.get("number").asInt())).as("number %s", code).isTrue();
        assertThat(ActionUnit.all()).hasSize(codes.size());
    }

    @Test
    void catalogueHoldsTheFacs2002MainHeadAndEyeCodes() {
        int[] main = {1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28,
                29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 41, 42, 43, 44, 45, 46};
        List<Integer> expected = new ArrayList<>(IntStream.of(main).boxed().toList());
        IntStream.rangeClosed(51, 58).forEach(expected::add);
        IntStream.rangeClosed(61, 64).forEach(expected::add);
        assertThat(ActionUnit.all()).extracting(ActionUnit::number).containsAll(expected);
        assertThat(ActionUnit.all()).extracting(ActionUnit::number).isSorted();
        assertThat(ActionUnit.of(53).category()).isEqualTo(FacsCategory.HEAD);
        assertThat(ActionUnit.of(64).category()).isEqualTo(FacsCategory.EYE);
    }

    @Test
    void codedSetIsTheConstantsInFacsOrderAndFullyDescribed() throws IllegalAccessException {
        assertThat(ActionUnit.CODED).extracting(ActionUnit::number).containsExactly(
                1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 14, 15, 16, 17, 18, 20, 22, 23, 24, 25, 26, 27, 28, 43, 45);
        List<ActionUnit> constants = new ArrayList<>();
        for (Field f : ActionUnit.class.getDeclaredFields()) {
            if (f.getType() != ActionUnit.class || !Modifier.isPublic(f.getModifiers())) continue;
            ActionUnit au = (ActionUnit) f.get(null);
            assertThat(f.getName()).as("constant named after its code").isEqualTo(au.code());
            assertThat(au).isSameAs(ActionUnit.of(au.number()));
            constants.add(au);
        }
        assertThat(constants).containsExactlyInAnyOrderElementsOf(ActionUnit.CODED);
        for (ActionUnit au : ActionUnit.CODED) {
            assertThat(au.category()).as(au.code()).isEqualTo(FacsCategory.MAIN);
            assertThat(au.name()).as(au.code()).isNotBlank();
            assertThat(au.muscles()).as(au.code()).isNotBlank().doesNotContain("none specified");
            assertThat(au.appearance()).as(au.code()).isNotBlank();
        }
    }

    @Test
    void namesAndMusclesOfTheSmileAUs() {
        assertThat(ActionUnit.AU12.name()).isEqualTo("Lip Corner Puller");
        assertThat(ActionUnit.AU12.muscles()).isEqualTo("zygomaticus major");
        assertThat(ActionUnit.AU12.code()).isEqualTo("AU12");
        assertThat(ActionUnit.AU6.name()).isEqualTo("Cheek Raiser");
        assertThat(ActionUnit.AU6.muscles()).isEqualTo("orbicularis oculi, pars orbitalis");
    }

    @Test
    void actionDescriptorsNameNoMuscle() {
        ActionUnit tongueShow = ActionUnit.of(19);
        assertThat(tongueShow.category()).isEqualTo(FacsCategory.ACTION_DESCRIPTOR);
        assertThat(tongueShow.code()).isEqualTo("AD19");
        assertThat(tongueShow.muscles()).startsWith("none specified");
    }

    @Test
    void sidedActionsFacsflowScoresAreMarkedUnilateral() {
        for (int number : new int[]{1, 2, 4, 6, 7, 12, 14, 15, 20, 45})
            assertThat(ActionUnit.of(number).unilateral()).as("AU%d", number).isTrue();
        assertThat(ActionUnit.AU25.unilateral()).as("lips part").isFalse();
        assertThat(ActionUnit.of(51).unilateral()).as("head turn left is a direction, not a side").isFalse();
    }

    @Test
    void unknownNumberIsRefused() {
        assertThatThrownBy(() -> ActionUnit.of(3)).isInstanceOf(NoSuchElementException.class).hasMessageContaining("3");
    }
}

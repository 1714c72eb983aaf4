package org.facsflow.learn.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.facsflow.facs.ActionUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule file: what the bundled one uses, how an AU the coder does not validate is handled, and bad user files. */
class StateRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBundledRulesUseOnlyAusTheCoderValidates() {
        StateRules rules = StateRules.standard(AuValidation.standard());
        assertThat(rules.ausInUse()).containsExactly(ActionUnit.AU4, ActionUnit.AU7, ActionUnit.AU45);
        assertThat(rules.disabledMessages()).containsExactly("rule frustration-lip-press (frustrated) is disabled: "
                + "AU24 (Lip Pressor) is a hand-set FACS rule in the AU coder, not fitted to or validated against reference codes");
        assertThat(rules.rules()).filteredOn(Rule::enabled).hasSize(11);
        for (LearnerState s : LearnerState.values())
            if (s != LearnerState.ENGAGED) assertThat(rules.enabled()).as(s.label()).anyMatch(r -> r.state() == s);
        // every rule and intervention cites literature that the file spells out in full
        for (Rule r : rules.rules()) assertThat(r.sources()).as(r.id()).isNotEmpty().allMatch(rules.references()::containsKey);
        assertThat(rules.interventions()).extracting(i -> i.state().label())
                .containsExactly("confused", "frustrated", "bored", "fatigued");
    }

    @Test
    void aCoderThatValidatesAu24EnablesTheLipPressRule() {
        StateRules rules = StateRules.standard(au -> Optional.empty());
        assertThat(rules.disabledMessages()).isEmpty();
        assertThat(rules.ausInUse()).contains(ActionUnit.AU23, ActionUnit.AU24);
    }

    @Test
    void aUserFileIsReadAndItsMistakesAreNamed() throws IOException {
        ObjectNode root = bundled();
        ((ObjectNode) root.get("states").get("away")).put("enterSeconds", 5);
        assertThat(StateRules.read(write(root), AuValidation.standard()).timing().get(LearnerState.AWAY).enterSeconds())
                .isEqualTo(5);

        ObjectNode unknownFeature = bundled();
        rule(unknownFeature, 0).putArray("when").addObject().put("feature", "pupil_size").put("atLeast", 1);
        assertThatThrownBy(() -> StateRules.read(write(unknownFeature), AuValidation.standard()))
                .hasMessageContaining("rules.json: rule away-no-face: unknown feature \"pupil_size\"");

        ObjectNode unnamedAu = bundled();
        ((ArrayNode) rule(unnamedAu, 2).get("aus")).remove(1);
        assertThatThrownBy(() -> StateRules.read(write(unnamedAu), AuValidation.standard()))
                .hasMessageContaining("rule confusion-brow-lid: \"aus\" must list exactly the AUs its criteria read ([AU4, AU7])");

        ObjectNode badReference = bundled();
        ((ArrayNode) rule(badReference, 0).get("sources")).add("nobody2030");
        assertThatThrownBy(() -> StateRules.read(write(badReference), AuValidation.standard()))
                .hasMessageContaining("rule away-no-face: unknown reference \"nobody2030\"");

        ObjectNode noBound = bundled();
        ((ObjectNode) rule(noBound, 0).get("when").get(0)).remove("atMost");
        assertThatThrownBy(() -> StateRules.read(write(noBound), AuValidation.standard()))
                .hasMessageContaining("rule away-no-face: face_present: needs atLeast or atMost");

        Files.writeString(dir.resolve("broken.json"), "{\"rules\": [");
        assertThatThrownBy(() -> StateRules.read(dir.resolve("broken.json"), AuValidation.standard()))
                .hasMessageContaining("broken.json: not a readable rule file");
    }

    private Path write(ObjectNode root) throws IOException {
        Path file = dir.resolve("rules.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    private static ObjectNode rule(ObjectNode root, int index) {
        return (ObjectNode) root.get("rules").get(index);
    }

    private static ObjectNode bundled() throws IOException {
        try (InputStream in = StateRules.class.getResourceAsStream(StateRules.RESOURCE)) {
            return (ObjectNode) JSON.readTree(in);
        }
    }
}

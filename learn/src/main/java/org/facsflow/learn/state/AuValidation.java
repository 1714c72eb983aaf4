package org.facsflow.learn.state;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;

import java.util.Optional;

/**
 * Which AUs the AU coder validates: a rule that reads any other is not used. The coder says so per AU
 * ({@link AuModel#isReported}: fitted to reference data and checked against it, as opposed to a hand-set FACS rule).
 */
@FunctionalInterface
public interface AuValidation {
    /** Why {@code au} may not be used by a rule; empty when it may. */
    Optional<String> problem(ActionUnit au);

    /**
     * The AU model's own account: fitted AUs are validated, hand-set ones ("prior") are not. (The AU coder v2, issue
     * #18, replaces {@code isReported} with {@code reported()}, which also lists hand-set AUs that passed its check,
     * and gives each entry's {@code check()}: this becomes {@code model.reported().contains(au)}, with the entry's
     * check as the reason.)
     */
    static AuValidation of(AuModel model) {
        return au -> {
            if (!ActionUnit.CODED.contains(au)) return Optional.of(au.code() + " is not coded by facsflow");
            return model.isReported(au) ? Optional.empty()
                    : Optional.of(au.code() + " (" + au.name() + ") is a hand-set FACS rule in the AU coder, not fitted "
                    + "to or validated against reference codes");
        };
    }

    /** The committed AU model's account. */
    static AuValidation standard() {
        return of(AuModel.standard());
    }
}

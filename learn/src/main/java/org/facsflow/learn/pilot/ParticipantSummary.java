package org.facsflow.learn.pilot;

import org.facsflow.learn.state.LearnerState;

import java.util.Map;

/**
 * One completed participant of a pilot, as the analysis uses them.
 *
 * @param pre           share right in the pre-test
 * @param post          share right in the post-test
 * @param ues           the questionnaire's scores
 * @param uesItems      the raw answers, item id to 1-5
 * @param stateShares   share of the practice's analysed frames spent in each detected state
 * @param interventions interventions shown to the participant
 */
public record ParticipantSummary(String id, PilotCondition condition, boolean simulated, double pre, double post,
                                 EngagementScale.Scores ues, Map<String, Integer> uesItems,
                                 Map<LearnerState, Double> stateShares, int interventions) {
    public double gain() {
        return post - pre;
    }

    public double share(LearnerState s) {
        return stateShares.getOrDefault(s, 0.0);
    }
}

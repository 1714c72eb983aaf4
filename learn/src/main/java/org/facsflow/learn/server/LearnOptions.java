package org.facsflow.learn.server;

import org.facsflow.learn.state.StateRules;

import java.nio.file.Path;

/**
 * How {@code facsflow learn} runs.
 *
 * @param dataDir         where session logs (sessions/*.jsonl) and the pilot's database go
 * @param port            0 for any free port
 * @param rules           the state machine's rules
 * @param pilot           study mode: counterbalanced conditions, pre- and post-test, questionnaire
 * @param practiceSeconds pilot: how long the practice lasts (paused time not counted)
 * @param seed            pilot: the assignment's seed for a new pilot database
 * @param profile         the analyser's profile, as logged
 */
public record LearnOptions(Path dataDir, int port, StateRules rules, boolean pilot, double practiceSeconds, long seed,
                           String profile) {
    public LearnOptions {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
        if (!(practiceSeconds > 0)) throw new IllegalArgumentException("practice must last more than 0 s");
    }
}

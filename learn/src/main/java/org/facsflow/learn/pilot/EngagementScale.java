package org.facsflow.learn.pilot;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The User Engagement Scale short form (UES-SF): O'Brien, H. L., Cairns, P., &amp; Hall, M. (2018). A practical approach
 * to measuring user engagement with the refined user engagement scale (UES) and new UES short form. International
 * Journal of Human-Computer Studies, 112, 28-39. Twelve items in four subscales of three, answered from 1 (strongly
 * disagree) to 5 (strongly agree), with "this lesson" where the published items say "Application X" (as the authors
 * ask). The perceived-usability items are worded negatively and reverse-coded (6 - answer); a subscale's score is the
 * mean of its items, the overall score the mean of all twelve after reverse-coding.
 */
public final class EngagementScale {
    private EngagementScale() {
    }

    public enum Subscale {
        FOCUSED_ATTENTION("FA"), PERCEIVED_USABILITY("PU"), AESTHETIC_APPEAL("AE"), REWARD("RW");

        private final String code;

        Subscale(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * @param id       the published code, e.g. "FA-S.1"
     * @param reversed scored 6 - answer
     */
    public record Item(String id, Subscale subscale, String text, boolean reversed) {
    }

    public static final List<Item> ITEMS = List.of(
            new Item("FA-S.1", Subscale.FOCUSED_ATTENTION, "I lost myself in this experience.", false),
            new Item("FA-S.2", Subscale.FOCUSED_ATTENTION, "The time I spent using this lesson just slipped away.", false),
            new Item("FA-S.3", Subscale.FOCUSED_ATTENTION, "I was absorbed in this experience.", false),
            new Item("PU-S.1", Subscale.PERCEIVED_USABILITY, "I felt frustrated while using this lesson.", true),
            new Item("PU-S.2", Subscale.PERCEIVED_USABILITY, "I found this lesson confusing to use.", true),
            new Item("PU-S.3", Subscale.PERCEIVED_USABILITY, "Using this lesson was taxing.", true),
            new Item("AE-S.1", Subscale.AESTHETIC_APPEAL, "This lesson was attractive.", false),
            new Item("AE-S.2", Subscale.AESTHETIC_APPEAL, "This lesson was aesthetically appealing.", false),
            new Item("AE-S.3", Subscale.AESTHETIC_APPEAL, "This lesson appealed to my senses.", false),
            new Item("RW-S.1", Subscale.REWARD, "Using this lesson was worthwhile.", false),
            new Item("RW-S.2", Subscale.REWARD, "My experience was rewarding.", false),
            new Item("RW-S.3", Subscale.REWARD, "I felt interested in this experience.", false));

    public static final List<String> ANSWERS = List.of("Strongly disagree", "Disagree", "Neither agree nor disagree",
            "Agree", "Strongly agree");

    public static Item item(String id) {
        for (Item i : ITEMS) if (i.id.equals(id)) return i;
        throw new IllegalArgumentException("no UES-SF item " + id);
    }

    /**
     * Subscale scores and the overall score of one participant's answers (item id to 1-5).
     *
     * @throws IllegalArgumentException an item unanswered or an answer outside 1-5
     */
    public static Scores score(Map<String, Integer> answers) {
        Map<Subscale, Double> sums = new EnumMap<>(Subscale.class);
        double total = 0;
        for (Item i : ITEMS) {
            Integer a = answers.get(i.id);
            if (a == null) throw new IllegalArgumentException("UES-SF item " + i.id + " is unanswered");
            if (a < 1 || a > 5) throw new IllegalArgumentException("UES-SF item " + i.id + ": answer " + a + " not in 1-5");
            double scored = i.reversed ? 6 - a : a;
            sums.merge(i.subscale, scored, Double::sum);
            total += scored;
        }
        sums.replaceAll((s, sum) -> sum / 3);
        return new Scores(sums, total / ITEMS.size());
    }

    /** Subscale means and the overall mean, 1-5. */
    public record Scores(Map<Subscale, Double> subscales, double overall) {
    }
}

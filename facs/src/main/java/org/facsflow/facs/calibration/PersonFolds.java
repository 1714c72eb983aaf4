package org.facsflow.facs.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-validation folds grouped by person, so that no person's frames are ever on both sides: people sorted by
 * their frame count (most first, then by name) are dealt to the folds in turn, which balances the folds' sizes and is
 * the same on every run.
 */
final class PersonFolds {
    private PersonFolds() {
    }

    /**
     * @param persons per clip, who is in it
     * @param frames  per clip, its frame count
     * @return per clip, its fold (0 to k - 1)
     */
    static int[] assign(List<String> persons, int[] frames, int k) {
        Map<String, Integer> total = new LinkedHashMap<>();
        for (int c = 0; c < persons.size(); c++) total.merge(persons.get(c), frames[c], Integer::sum);
        if (total.size() < k) throw new IllegalArgumentException(k + " folds need at least " + k + " people, not " + total.size());
        List<String> order = new ArrayList<>(total.keySet());
        order.sort(Comparator.comparing((String p) -> -total.get(p)).thenComparing(p -> p));
        Map<String, Integer> fold = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) fold.put(order.get(i), i % k);
        int[] out = new int[persons.size()];
        for (int c = 0; c < out.length; c++) out[c] = fold.get(persons.get(c));
        return out;
    }
}

package org.parley.bench;

/**
 * One line of the results: a figure beside its anchor from the same run, their ratio and the goal.
 *
 * @param id       P1 to P7 with a suffix for each variant (P1 c16, P6 deep page, ...)
 * @param what     what was measured, in words
 * @param measured the figure, with its unit
 * @param anchor   the anchor, with its unit and what it is
 * @param ratio    how the goal compares them (figure / anchor, or anchor / figure where the goal says so)
 * @param goal     the goal as issue 15 states it
 * @param met      whether the goal is met
 */
record Figure(String id, String what, String measured, String anchor, double ratio, String goal, boolean met) {

    String ratioText() {
        if (Double.isNaN(ratio)) {
            return "—";
        }
        return ratio >= 100 ? String.format("%.0f", ratio) : ratio >= 10 ? String.format("%.1f", ratio) : String.format("%.2f", ratio);
    }
}

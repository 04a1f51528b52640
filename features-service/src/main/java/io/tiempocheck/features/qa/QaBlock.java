package io.tiempocheck.features.qa;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Some users over some days: what one QA read folds in memory. */
record QaBlock(List<Long> users, LocalDate from, LocalDate to) {

    /** Blocks of at most {@code userDays} user-days covering every user over the range: users grouped, long ranges cut. */
    static List<QaBlock> split(List<Long> users, LocalDate from, LocalDate to, int userDays) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        int daysPerBlock = (int) Math.min(days, userDays);
        int usersPerBlock = Math.max(1, userDays / daysPerBlock);
        List<QaBlock> blocks = new ArrayList<>();
        for (int i = 0; i < users.size(); i += usersPerBlock) {
            List<Long> group = users.subList(i, Math.min(users.size(), i + usersPerBlock));
            for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(daysPerBlock)) {
                LocalDate end = start.plusDays(daysPerBlock - 1L);
                blocks.add(new QaBlock(List.copyOf(group), start, end.isAfter(to) ? to : end));
            }
        }
        return blocks;
    }
}

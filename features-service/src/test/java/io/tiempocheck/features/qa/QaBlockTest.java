package io.tiempocheck.features.qa;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QaBlockTest {

    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    @Test
    void oneDayOfEveryUserIsOneRead() {
        List<Long> users = LongStream.rangeClosed(1, 100).boxed().toList();
        assertEquals(List.of(new QaBlock(users, JAN_1, JAN_1)), QaBlock.split(users, JAN_1, JAN_1, 1000));
    }

    @Test
    void aYearOfManyUsersIsCutIntoBlocksThatCoverEveryUserDayOnce() {
        List<Long> users = LongStream.rangeClosed(1, 7).boxed().toList();
        LocalDate dec31 = LocalDate.of(2025, 12, 31);
        List<QaBlock> blocks = QaBlock.split(users, JAN_1, dec31, 1000);

        long covered = 0;
        for (QaBlock block : blocks) {
            long userDays = block.users().size() * (ChronoUnit.DAYS.between(block.from(), block.to()) + 1);
            assertTrue(userDays <= 1000, block.toString());
            covered += userDays;
        }
        assertEquals(7 * 365, covered);
        assertEquals(List.of(1L, 2L), blocks.get(0).users());
        assertEquals(List.of(7L), blocks.get(blocks.size() - 1).users());
    }

    @Test
    void aRangeLongerThanTheBudgetIsCutByDaysForOneUser() {
        LocalDate end = JAN_1.plusDays(2499);
        List<QaBlock> blocks = QaBlock.split(List.of(42L), JAN_1, end, 1000);
        assertEquals(List.of(new QaBlock(List.of(42L), JAN_1, JAN_1.plusDays(999)),
                new QaBlock(List.of(42L), JAN_1.plusDays(1000), JAN_1.plusDays(1999)),
                new QaBlock(List.of(42L), JAN_1.plusDays(2000), end)), blocks);
    }
}

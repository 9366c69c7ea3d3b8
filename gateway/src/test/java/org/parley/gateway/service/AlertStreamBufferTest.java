package org.parley.gateway.service;

import org.junit.jupiter.api.Test;
import org.parley.events.alert.AlertSeverity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory part of the stream: positions, resuming, what is kept, filters. No Kafka needed. */
class AlertStreamBufferTest {

    private static final Instant T0 = Instant.parse("2025-11-28T10:00:00Z");
    private static final UUID KYIV_TALKS = UUID.randomUUID();
    private static final UUID GENEVA_TALKS = UUID.randomUUID();
    private static final UUID RUSSIA = UUID.randomUUID();

    @Test
    void aPositionIsWrittenAndReadBack() {
        AlertStreamCursor cursor = AlertStreamCursor.of(Map.of(2, 9L, 0, 15L, 1, 7L));
        assertEquals("0:15,1:7,2:9", cursor.toString());
        assertEquals(cursor, AlertStreamCursor.parse("0:15,1:7,2:9"));
        for (String bad : List.of("", "abc", "0:1,0:2", "0:-1", "0:1;", "0:1,", "1:2\n", "0:" + "9".repeat(30))) {
            assertThrows(IllegalArgumentException.class, () -> AlertStreamCursor.parse(bad), bad);
        }
    }

    @Test
    void resumingGivesEveryAlertAfterThePositionOnceAndInOrder() {
        AlertStreamBuffer buffer = new AlertStreamBuffer(100, Duration.ofHours(24));
        buffer.assign(0, 0, 0);
        buffer.assign(1, 40, 40);
        AlertStreamEntry first = buffer.append(0, 0, T0, alert(KYIV_TALKS, AlertSeverity.INFO)).orElseThrow();
        AlertStreamEntry second = buffer.append(1, 40, T0, alert(GENEVA_TALKS, AlertSeverity.WARNING)).orElseThrow();
        AlertStreamEntry third = buffer.append(0, 1, T0, alert(KYIV_TALKS, AlertSeverity.CRITICAL)).orElseThrow();

        assertEquals("0:1,1:40", first.position().toString());
        assertEquals("0:1,1:41", second.position().toString());
        assertEquals("0:2,1:41", third.position().toString());
        String frame = new String(first.frame(first.position()), StandardCharsets.UTF_8);
        assertTrue(frame.startsWith("id: 0:1,1:40\nevent: alert\ndata: {"), frame);
        assertTrue(frame.endsWith("}\n\n"), frame);

        AlertStreamBuffer.Resume afterFirst = buffer.after(first.position(), any -> true);
        assertEquals(List.of(second, third), afterFirst.entries());
        assertFalse(afterFirst.gap());
        assertEquals(List.of(), buffer.after(third.position(), any -> true).entries());
        assertEquals(List.of(third), buffer.after(first.position(),
                new AlertStreamFilter(Optional.of(KYIV_TALKS), Optional.empty(), Optional.empty())::matches).entries());
    }

    @Test
    void aPositionOlderThanWhatIsKeptResumesFromTheOldestKeptAndSaysSo() {
        AlertStreamBuffer buffer = new AlertStreamBuffer(2, Duration.ofHours(24));
        buffer.assign(0, 0, 0);
        AlertStreamEntry first = buffer.append(0, 0, T0, alert(KYIV_TALKS, AlertSeverity.INFO)).orElseThrow();
        AlertStreamEntry second = buffer.append(0, 1, T0, alert(KYIV_TALKS, AlertSeverity.INFO)).orElseThrow();
        AlertStreamEntry third = buffer.append(0, 2, T0, alert(KYIV_TALKS, AlertSeverity.INFO)).orElseThrow();
        AlertStreamEntry fourth = buffer.append(0, 3, T0, alert(KYIV_TALKS, AlertSeverity.INFO)).orElseThrow();

        AlertStreamBuffer.Resume resume = buffer.after(first.position(), any -> true);
        assertTrue(resume.gap());
        assertEquals(List.of(third, fourth), resume.entries());
        assertFalse(buffer.after(second.position(), any -> true).gap());

        buffer.expire(T0.plus(Duration.ofHours(25)));
        assertEquals(0, buffer.size());
        assertTrue(buffer.after(third.position(), any -> true).gap());
        assertFalse(buffer.after(fourth.position(), any -> true).gap());
    }

    @Test
    void readingFromTheRetentionStartIsNotAGapButWhatCameBeforeIs() {
        AlertStreamBuffer buffer = new AlertStreamBuffer(10, Duration.ofHours(24));
        // The partition holds offsets 0..99; the gateway starts at 90, the first within the retention.
        buffer.assign(0, 90, 100);
        assertTrue(buffer.after(AlertStreamCursor.parse("0:50"), any -> true).gap());
        assertFalse(buffer.after(AlertStreamCursor.parse("0:90"), any -> true).gap());
        // A new client starts at the end of the topic, not at the history the gateway reads back.
        assertEquals("0:100", buffer.live().toString());
    }

    @Test
    void filtersCombineAndAMinimumSeverityKeepsThoseAboveIt() {
        AlertStreamAlert warning = alert(KYIV_TALKS, AlertSeverity.WARNING);
        AlertStreamAlert unknownSeverity = new AlertStreamAlert("e", KYIV_TALKS, List.of(RUSSIA), null, "{}");
        assertTrue(AlertStreamFilter.ALL.matches(unknownSeverity));
        assertTrue(new AlertStreamFilter(Optional.empty(), Optional.empty(), Optional.of(AlertSeverity.NOTICE)).matches(warning));
        assertTrue(new AlertStreamFilter(Optional.empty(), Optional.empty(), Optional.of(AlertSeverity.WARNING)).matches(warning));
        assertFalse(new AlertStreamFilter(Optional.empty(), Optional.empty(), Optional.of(AlertSeverity.CRITICAL)).matches(warning));
        assertFalse(new AlertStreamFilter(Optional.empty(), Optional.empty(), Optional.of(AlertSeverity.INFO)).matches(unknownSeverity));
        assertTrue(new AlertStreamFilter(Optional.of(KYIV_TALKS), Optional.of(RUSSIA), Optional.empty()).matches(warning));
        assertFalse(new AlertStreamFilter(Optional.of(KYIV_TALKS), Optional.of(UUID.randomUUID()), Optional.empty()).matches(warning));
        assertFalse(new AlertStreamFilter(Optional.of(GENEVA_TALKS), Optional.empty(), Optional.empty()).matches(warning));
    }

    private static AlertStreamAlert alert(UUID negotiation, AlertSeverity severity) {
        String id = UUID.randomUUID().toString();
        return new AlertStreamAlert(id, negotiation, List.of(RUSSIA), severity,
                "{\"alertId\":\"" + id + "\",\"severity\":\"" + severity.wireName() + "\"}");
    }
}

package org.parley.negotiation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.parley.api.ApiException;
import org.parley.api.Page;
import org.parley.api.PageRequest;
import org.parley.api.Vocabulary;
import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.model.IncidentKind;
import org.parley.negotiation.model.MeetingStatus;
import org.parley.negotiation.model.Negotiation;
import org.parley.negotiation.model.PositionStatus;
import org.parley.negotiation.model.ProposalStatus;
import org.parley.negotiation.repository.TimelineRepository;
import org.parley.negotiation.repository.TimelineRepository.Kind;
import org.parley.negotiation.repository.TimelineRepository.TimelineRow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class TimelineService {

    private static final int QUOTE_LENGTH = 160;

    @Inject
    TimelineRepository timeline;

    /** @param kinds the kinds of entry wanted; never empty */
    public Page<TimelineItem> timeline(UUID negotiationId, Set<Kind> kinds, boolean descending, PageRequest request) {
        if (Negotiation.findById(negotiationId) == null) {
            throw ApiException.notFound("Negotiation", negotiationId);
        }
        List<TimelineItem> entries = timeline.page(negotiationId, kinds, descending, request.firstResult(), request.limit())
                .stream().map(TimelineService::entry).toList();
        return request.offsetPage(entries, request.includeTotal() ? timeline.count(negotiationId, kinds) : null);
    }

    static TimelineItem entry(TimelineRow row) {
        Kind kind = Kind.valueOf(row.kind());
        DatePrecision precision = DatePrecision.valueOf(row.precision());
        String at = row.day() != null ? row.day().toString() : row.sortAt() != null ? row.sortAt().toString() : null;
        String summary = switch (kind) {
            case MEETING -> meeting(row);
            case PROPOSAL -> proposal(row);
            case POSITION_CHANGE -> positionChange(row);
            case STATEMENT -> statement(row);
            case INCIDENT -> incident(row);
        };
        return new TimelineItem(at, at == null ? DatePrecision.UNKNOWN : precision, kind, row.id(), summary + when(row, at), row.link());
    }

    /** Meeting held: Witkoff and Kushner meet Putin (The Kremlin, Moscow), 5 hours */
    private static String meeting(TimelineRow row) {
        StringBuilder line = new StringBuilder("Meeting ").append(words(MeetingStatus.class, row.b())).append(": ").append(row.a());
        List<String> place = new ArrayList<>();
        if (row.d() != null) {
            place.add(row.d());
        }
        if (row.c() != null) {
            place.add(row.c());
        }
        if (!place.isEmpty()) {
            line.append(" (").append(String.join(", ", place)).append(')');
        }
        if (row.n1() != null) {
            line.append(", ").append(duration(Duration.ofSeconds(row.n1())));
        }
        return line.toString();
    }

    /** Proposal recorded: “U.S. peace plan” (version 1), sponsored by United States; now tabled */
    private static String proposal(TimelineRow row) {
        StringBuilder line = new StringBuilder("Proposal recorded: “").append(row.a()).append("” (version ").append(row.n1()).append(')');
        if (row.c() != null) {
            line.append(", sponsored by ").append(row.c());
        }
        return line.append("; now ").append(words(ProposalStatus.class, row.b())).toString();
    }

    /** Russia: rejected on clause 3 of “U.S. peace plan” (was under review) */
    private static String positionChange(TimelineRow row) {
        String party = row.a() != null ? row.a() : "A party";
        String on = row.d() != null ? "clause " + row.d() + " of “" + row.e() + "”" : "the whole of “" + row.e() + "”";
        String line = party + ": " + words(PositionStatus.class, row.b()) + " on " + on;
        return row.c() != null ? line + " (was " + words(PositionStatus.class, row.c()) + ")" : line;
    }

    /** Vladimir Putin: “This was a necessary conversation, a very concrete one” */
    private static String statement(TimelineRow row) {
        String who = row.a() != null ? row.a() : "An envoy";
        String quote = row.b().strip().replaceAll("\\s+", " ");
        if (quote.length() > QUOTE_LENGTH) {
            quote = quote.substring(0, QUOTE_LENGTH - 1).strip() + "…";
        }
        return who + ": “" + quote + "”";
    }

    /** Missile strike in Kryvyi Rih: 6 injured (1 child); attributed to Russia by local officials */
    private static String incident(TimelineRow row) {
        String kind = words(IncidentKind.class, row.a());
        StringBuilder line = new StringBuilder(Character.toUpperCase(kind.charAt(0)) + kind.substring(1));
        if (row.b() != null) {
            line.append(" in ").append(row.b());
        }
        List<String> casualties = new ArrayList<>();
        if (row.n1() != null) {
            casualties.add(row.n1() + " killed" + children(row.n3()));
        }
        if (row.n2() != null) {
            casualties.add(row.n2() + " injured" + children(row.n4()));
        }
        if (!casualties.isEmpty()) {
            line.append(": ").append(String.join(", ", casualties));
        }
        if (row.c() != null) {
            line.append("; attributed to ").append(row.c());
            if (row.d() != null) {
                line.append(" by ").append(row.d());
            }
        } else if (row.d() != null) {
            line.append("; according to ").append(row.d());
        }
        return line.toString();
    }

    /** Undated entries say so, and what the source said instead; dated ones add the source's words when they were vaguer. */
    private static String when(TimelineRow row, String at) {
        if (at == null) {
            return row.asReported() != null ? " (date not reported; “" + row.asReported() + "”)" : " (date not reported)";
        }
        return row.asReported() != null ? " (“" + row.asReported() + "”)" : "";
    }

    private static String children(Long count) {
        if (count == null || count == 0) {
            return "";
        }
        return " (" + count + (count == 1 ? " child)" : " children)");
    }

    /** A term as the row holds it (the constant's name, as JPA stores it), in words for a sentence. */
    private static <E extends Enum<E>> String words(Class<E> vocabulary, String stored) {
        return stored == null ? "" : Vocabulary.words(Enum.valueOf(vocabulary, stored));
    }

    private static String duration(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        List<String> parts = new ArrayList<>();
        if (hours > 0) {
            parts.add(hours + (hours == 1 ? " hour" : " hours"));
        }
        if (minutes > 0) {
            parts.add(minutes + (minutes == 1 ? " minute" : " minutes"));
        }
        return parts.isEmpty() ? d.toSeconds() + " seconds" : String.join(" ", parts);
    }
}

package org.parley.events;

import java.util.Objects;

/**
 * Who made a change, and why: the authenticated subject of the request that wrote it (or the service itself
 * for what it derives on its own, such as alerts), and the reason the client stated, if any. Every event
 * carries both as CloudEvents extension attributes ({@value CloudEventCodec#ACTOR}, {@value CloudEventCodec#CHANGE_REASON}).
 *
 * @param subject the token's subject ({@code sub}), or the service's CloudEvents source for changes nobody asked for
 * @param reason  the {@code X-Change-Reason} the client sent; null when none
 */
public record Actor(String subject, String reason) {

    public Actor {
        Objects.requireNonNull(subject, "subject");
    }

    /** The service itself, e.g. {@code parley/negotiation-service} raising an alert. */
    public static Actor service(String source) {
        return new Actor(source, null);
    }
}

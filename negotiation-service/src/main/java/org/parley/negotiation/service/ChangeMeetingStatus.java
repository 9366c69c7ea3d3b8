package org.parley.negotiation.service;

import org.parley.negotiation.model.MeetingStatus;

/** Mark a meeting held, cancelled, postponed or scheduled again, with an optional note on why. */
public record ChangeMeetingStatus(MeetingStatus status, String note) {
}

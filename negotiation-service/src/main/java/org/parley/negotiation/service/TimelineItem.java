package org.parley.negotiation.service;

import org.parley.negotiation.model.DatePrecision;
import org.parley.negotiation.repository.TimelineRepository;

/**
 * One thing that happened in a negotiation, summarised in one line. {@code at} is an instant or, for an entry
 * known to the day, a date; null when the date was not reported.
 */
public record TimelineItem(String at, DatePrecision precision, TimelineRepository.Kind kind, String id, String summary, String link) {
}

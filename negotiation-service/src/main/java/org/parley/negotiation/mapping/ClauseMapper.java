package org.parley.negotiation.mapping;

import org.parley.negotiation.model.Clause;
import org.parley.negotiation.rest.ClauseInput;
import org.parley.negotiation.rest.ClauseLineage;
import org.parley.negotiation.rest.ClauseView;
import org.parley.negotiation.service.Lineage;
import org.parley.negotiation.service.RecordClause;

/** Between the clause (and its lineage) and their API shapes. */
public final class ClauseMapper {

    private ClauseMapper() {
    }

    public static ClauseView toView(Clause c) {
        return new ClauseView(c.id, c.proposalId, c.label, c.ordinal, c.heading, c.text, c.topic, c.derivedFromClauseId, c.createdAt, c.updatedAt);
    }

    public static ClauseLineage toView(Lineage lineage) {
        return new ClauseLineage(toView(lineage.clause()),
                lineage.ancestors().stream().map(ClauseMapper::toView).toList(),
                lineage.descendants().stream().map(ClauseMapper::toView).toList());
    }

    public static ClauseLineage.Entry toView(Lineage.Step s) {
        return new ClauseLineage.Entry(s.clauseId(), s.proposalId(), s.proposalVersion(), s.label(), s.heading(), s.derivedFromClauseId(), s.distance());
    }

    public static RecordClause toCommand(ClauseInput input) {
        return new RecordClause(input.label(), input.heading(), input.text(), input.topic(), input.derivedFromClauseId());
    }
}

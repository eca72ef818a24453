package org.borderwatch.ingest.statement;

import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;

import java.time.OffsetDateTime;
import java.util.List;

/** What the rules read from one statement's text. */
public record Extraction(Stance stance, Party actingParty, List<EventType> eventTypes, Location location,
                         OffsetDateTime occurredAt, OffsetDateTime occurredUntil, TimePrecision timePrecision,
                         Casualties casualties, Answers answers, Coverage coverage, boolean retaliation) {
}

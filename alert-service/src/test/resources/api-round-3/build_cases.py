#!/usr/bin/env python3
"""Builds cases.json of API/delivery round 3 (alert-service). Written blind, from the READMEs and schemas only.
Run: python3 build_cases.py  (writes cases.json beside it)."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
TOPIC = "border.assessments"
FEED = "border.alerts"

# incidents: one per scenario, each in its own segment (no CRITICAL beside a LOW/MEDIUM: no inhibition)
W = "3e000001-0000-4000-8000-000000000001"   # SYUNIK_EAST: fire, no-ops, updates, resolve (json + CAP webhooks)
V = "3e000002-0000-4000-8000-000000000002"   # VAYOTS_DZOR_EAST: minSeverity HIGH first matched at message 2
T = "3e000003-0000-4000-8000-000000000003"   # TAVUSH: signals [FATALITIES] first matched at message 2
A = "3e000004-0000-4000-8000-000000000004"   # ARARAT: silenced, then released
R = "3e000005-0000-4000-8000-000000000005"   # SYUNIK_WEST: receiver 503, then 200 (retried, delivered once)
P = "3e000006-0000-4000-8000-000000000006"   # VAYOTS_DZOR_WEST: receiver 503 for good -> FAILED
E = "3e000007-0000-4000-8000-000000000007"   # GEGHARKUNIK: e-mail text + HTML
K1 = "3e000008-0000-4000-8000-000000000008"  # KARABAKH: digest, first incident
K2 = "3e000009-0000-4000-8000-000000000009"  # KARABAKH: digest, second incident


def rid(n):
    return "3e0c%04d-0000-4000-8000-%012d" % (n, n)


AZ_MOD = {"id": "az-mod", "name": "AZ MoD", "kind": "PARTY_OFFICIAL", "party": "AZ"}
AM_MOD = {"id": "am-mod", "name": "AM MoD", "kind": "PARTY_OFFICIAL", "party": "AM"}
EUMA = {"id": "euma", "name": "EU Mission in Armenia", "kind": "INDEPENDENT_OBSERVER", "party": "EU"}


def ev(n, source, stance, published, url=None, revision=1):
    e = {"reportId": rid(n), "revision": revision, "source": source, "stance": stance, "publishedAt": published}
    if url:
        e["url"] = url
    return e


def assessment(incident, version, segment, window, occurrence, attribution, confidence, acting, event_types,
               report_ids, casualties, severity, signals, closed, rationale, as_of, sources, evidence, closure=None):
    a = {"schemaVersion": 1, "incidentId": incident, "version": version, "segment": segment,
         "window": {"from": window[0], "to": window[1]}, "occurrence": occurrence, "attribution": attribution,
         "confidence": confidence, "actingParty": acting, "eventTypes": event_types, "reportIds": report_ids,
         "casualties": casualties, "severity": severity, "signals": signals, "closed": closed,
         "rationale": rationale, "asOf": as_of, "sources": sources, "evidence": evidence}
    if closure:
        a["closure"] = closure
    return a


def kafka_step(sid, value, wait_path, until, note, timeout=60):
    step = {"id": sid, "kafka": {"topic": TOPIC, "key": value["incidentId"], "value": value}}
    if wait_path:
        step["waitFor"] = {"user": "staff", "method": "GET", "path": wait_path, "until": until,
                           "timeoutSeconds": timeout, "pollMillis": 250}
    step["note"] = note
    return step


def sub_step(sid, body, expect_json, note, user="staff", absent=None):
    exp = {"status": 201, "contentType": "application/json", "json": expect_json,
           "jsonPresent": ["/id", "/createdAt"], "headersPresent": ["Location"]}
    if absent:
        exp["jsonAbsent"] = absent
    return {"id": sid, "user": user, "method": "POST", "path": "/api/v1/subscriptions",
            "headers": {"Content-Type": "application/json"}, "body": body, "expect": exp, "note": note}


SIGNED_HEADERS = {
    "X-BorderWatch-Timestamp": "^[0-9]{10}$",
    "X-BorderWatch-Signature": "^sha256=[0-9a-f]{64}$",
    "X-BorderWatch-Delivery": True,
    "Upgrade": None,
    "HTTP2-Settings": None,
}

SECRET_A = "syunik-east-desk-secret-3e01"
SECRET_CAP = "syunik-east-cap-secret-3e02"
SECRET_V = "jermuk-high-desk-secret-3e03"
SECRET_T = "tavush-fatalities-secret-3e04"
SECRET_B = "meghri-partner-secret-3e05"
SECRET_C = "yeghegnadzor-partner-secret-3e06"
SECRET_ARARAT = "ararat-desk-secret-3e07"
SECRET_DIGEST = "karabakh-digest-secret-3e08"

steps = []

# ---------------------------------------------------------------- subscriptions (c-01 .. c-09)
steps.append(sub_step("c-01", {
    "name": "syunik east desk",
    "channel": {"type": "webhook", "url": "{webhook}/partner-a", "secret": SECRET_A},
    "filter": {"segments": ["SYUNIK_EAST"], "minSeverity": "MEDIUM"}, "mode": "immediate"},
    {"/channel/type": "webhook", "/channel/target": "{webhook}/partner-a", "/channel/format": "json",
     "/channel/secretSet": True, "/filter/segments": ["SYUNIK_EAST"], "/filter/minSeverity": "MEDIUM",
     "/mode": "immediate", "/owner": "staff"},
    "Partner A: JSON webhook, one segment, MEDIUM and above. Local receiver allowed by the local profile (README "
    "'Running it': webhooks to localhost; require-https false there) or the round's allow-list (README of this round).",
    absent=["/channel/secret", "/groupWait", "/digestInterval"]))
steps.append(sub_step("c-02", {
    "name": "syunik east cap feed",
    "channel": {"type": "webhook", "url": "{webhook}/cap-desk", "secret": SECRET_CAP, "format": "cap"},
    "filter": {"segments": ["SYUNIK_EAST"]}},
    {"/channel/format": "cap", "/channel/target": "{webhook}/cap-desk", "/filter/minSeverity": "INFO"},
    "CAP webhook on the same segment: one CAP 1.2 document per message (README 'OASIS CAP 1.2', never grouped)."))
steps.append(sub_step("c-03", {
    "name": "jermuk high desk",
    "channel": {"type": "webhook", "url": "{webhook}/jermuk-high", "secret": SECRET_V},
    "filter": {"segments": ["VAYOTS_DZOR_EAST"], "minSeverity": "HIGH"}},
    {"/filter/minSeverity": "HIGH", "/filter/segments": ["VAYOTS_DZOR_EAST"]},
    "minSeverity filter: only HIGH and CRITICAL of VAYOTS_DZOR_EAST."))
steps.append(sub_step("c-04", {
    "name": "tavush fatalities desk",
    "channel": {"type": "webhook", "url": "{webhook}/tavush-fatalities", "secret": SECRET_T},
    "filter": {"segments": ["TAVUSH"], "signals": ["FATALITIES"]}},
    {"/filter/signals": ["FATALITIES"], "/filter/segments": ["TAVUSH"]},
    "signals filter: matches when the alert carries FATALITIES (README Subscriptions 'Filter')."))
steps.append(sub_step("c-05", {
    "name": "meghri partner",
    "channel": {"type": "webhook", "url": "{webhook}/partner-b", "secret": SECRET_B},
    "filter": {"segments": ["SYUNIK_WEST"]}},
    {"/channel/target": "{webhook}/partner-b"},
    "Partner B: its receiver answers 503 first (c-10), 200 later (c-38)."))
steps.append(sub_step("c-06", {
    "name": "yeghegnadzor partner",
    "channel": {"type": "webhook", "url": "{webhook}/partner-c", "secret": SECRET_C},
    "filter": {"segments": ["VAYOTS_DZOR_WEST"]}},
    {"/channel/target": "{webhook}/partner-c"},
    "Partner C: its receiver answers 503 for the whole round (c-10): its delivery ends FAILED."))
steps.append(sub_step("c-07", {
    "name": "ararat desk",
    "channel": {"type": "webhook", "url": "{webhook}/ararat-desk", "secret": SECRET_ARARAT},
    "filter": {"segments": ["ARARAT"]}},
    {"/channel/target": "{webhook}/ararat-desk"},
    "Muted by the ARARAT silence of c-30 until c-34 deletes it."))
steps.append(sub_step("c-08", {
    "name": "gegharkunik mail desk",
    "channel": {"type": "email", "address": "gegharkunik-desk@example.org"},
    "filter": {"segments": ["GEGHARKUNIK"]}, "mode": "immediate"},
    {"/channel/type": "email", "/channel/target": "gegharkunik-desk@example.org", "/mode": "immediate"},
    "E-mail subscription (README Subscriptions: channel.target = the address; no format for e-mail). UNSURE (not "
    "asserted): whether secretSet is false or absent on an e-mail channel.",
    absent=["/channel/format"]))
steps.append(sub_step("c-09", {
    "name": "karabakh digest",
    "channel": {"type": "webhook", "url": "{webhook}/karabakh-digest", "secret": SECRET_DIGEST},
    "filter": {"segments": ["KARABAKH"]}, "mode": "digest", "digestInterval": "PT1M"},
    {"/mode": "digest", "/digestInterval": "PT1M"},
    "Digest webhook with a one-minute interval (README: 'Digests collect everything until the next tick of the "
    "subscription's interval (ticks aligned to the epoch)'). UNSURE: the README names no lower bound for "
    "digestInterval; PT1M is assumed accepted and read back as written.",
    absent=["/groupWait"]))

# ---------------------------------------------------------------- receivers (c-10)
steps.append({"id": "c-10", "receiver": [{"path": "/partner-b", "respond": 503}, {"path": "/partner-c", "respond": 503}],
              "note": "Before any assessment: partner B and C answer 503 Service Unavailable (retried: README Webhooks "
                      "'408, 425, 429 and 5xx are retried')."})

# ---------------------------------------------------------------- incident W (SYUNIK_EAST)
W_WIN = ("2025-03-18T14:20:00+04:00", "2025-03-18T14:50:00+04:00")
W_EV1 = [ev(101, AZ_MOD, "CLAIM", "2025-03-18T15:30:00+04:00", "https://mod.example.az/statements/w-1")]
W_RAT1 = ["AZ MoD claimed small-arms fire from Tegh (Digh) at its positions in the Lachin direction between "
          "2025-03-18 14:20 and 14:50 +04:00; nobody has answered yet."]
W1 = assessment(W, 1, "SYUNIK_EAST", W_WIN, "UNVERIFIED", "UNCONTESTED", 0.4, "AM", ["SMALL_ARMS_FIRE"],
                {"CLAIM": [rid(101)]}, [], "MEDIUM", [], False, W_RAT1, "2025-03-18T15:30:00+04:00", ["az-mod"], W_EV1)
W_EV2 = [ev(101, AZ_MOD, "CLAIM", "2025-03-18T15:30:00+04:00", "https://mod.example.az/statements/w-1", revision=2)]
W_RAT2 = ["AZ MoD claimed small-arms fire from Tegh (Digh) at its positions in the Lachin direction between "
          "2025-03-18 14:20 and 14:50 +04:00 (corrected statement: the fire came from two positions); nobody has "
          "answered yet."]
W2 = assessment(W, 2, "SYUNIK_EAST", W_WIN, "UNVERIFIED", "UNCONTESTED", 0.45, "AM", ["SMALL_ARMS_FIRE"],
                {"CLAIM": [rid(101)]}, [], "MEDIUM", [], False, W_RAT2, "2025-03-18T16:10:00+04:00", ["az-mod"], W_EV2)
W_EV3 = W_EV2 + [ev(102, AZ_MOD, "CLAIM", "2025-03-18T17:05:00+04:00", "https://mod.example.az/statements/w-2")]
W_RAT3 = W_RAT2 + ["AZ MoD reported at 2025-03-18 17:05 +04:00 that one serviceman was wounded."]
W3 = assessment(W, 3, "SYUNIK_EAST", W_WIN, "UNVERIFIED", "UNCONTESTED", 0.5, "AM", ["SMALL_ARMS_FIRE", "CASUALTY"],
                {"CLAIM": [rid(101), rid(102)]}, [{"killed": 0, "wounded": 1, "party": "AZ"}], "HIGH", [], False,
                W_RAT3, "2025-03-18T17:05:00+04:00", ["az-mod"], W_EV3)
W_EV4 = W_EV3 + [ev(103, AM_MOD, "DENIAL", "2025-03-18T18:20:00+04:00", "https://mil.example.am/news/w-3"),
                 ev(104, AZ_MOD, "CLAIM", "2025-03-18T19:00:00+04:00", "https://mod.example.az/statements/w-4")]
W_RAT4 = W_RAT3 + ["AM MoD denied on 2025-03-18 18:20 +04:00 that its units opened fire near Tegh.",
                   "AZ MoD said on 2025-03-18 19:00 +04:00 that mortars were used against its positions near Lachin."]
HW_W = {"type": "HEAVY_WEAPONS", "reportIds": [rid(104)], "rationale": "mortar fire claimed by AZ MoD"}
W4 = assessment(W, 4, "SYUNIK_EAST", W_WIN, "DISPUTED", "CONTESTED", 0.55, "AM",
                ["SMALL_ARMS_FIRE", "MORTAR_ARTILLERY", "CASUALTY"],
                {"CLAIM": [rid(101), rid(102), rid(104)], "DENIAL": [rid(103)]},
                [{"killed": 0, "wounded": 1, "party": "AZ"}], "HIGH", [HW_W], False, W_RAT4,
                "2025-03-18T19:00:00+04:00", ["am-mod", "az-mod"], W_EV4)
W_RAT5 = W_RAT4 + ["No new statement for 48 hours: the incident is closed."]
W5 = assessment(W, 5, "SYUNIK_EAST", W_WIN, "DISPUTED", "CONTESTED", 0.55, "AM",
                ["SMALL_ARMS_FIRE", "MORTAR_ARTILLERY", "CASUALTY"],
                {"CLAIM": [rid(101), rid(102), rid(104)], "DENIAL": [rid(103)]},
                [{"killed": 0, "wounded": 1, "party": "AZ"}], "HIGH", [HW_W], True, W_RAT5,
                "2025-03-20T19:00:00+04:00", ["am-mod", "az-mod"], W_EV4, closure={"reason": "QUIET"})

steps.append(kafka_step("c-11", W1, "/api/v1/alerts?segment=SYUNIK_EAST", {"/0/latest/incidentId": W},
                        "Incident W v1: SYUNIK_EAST, MEDIUM, UNVERIFIED/UNCONTESTED, one AZ MoD claim. The first "
                        "version fires (README 'The lifecycle')."))
steps.append({"id": "c-12", "expectWebhook": {
    "path": "/partner-a", "count": 1, "signatureSecret": SECRET_A, "distinctDeliveryIds": True,
    "last": {
        "contentType": "application/json",
        "headers": SIGNED_HEADERS,
        "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"},
        "json": {
            "/subscriptionId": "{c-01./id}", "/subscriptionName": "syunik east desk", "/mode": "IMMEDIATE",
            "/alerts/0/schemaVersion": 1, "/alerts/0/incidentId": W, "/alerts/0/sequence": 1,
            "/alerts/0/assessmentVersion": 1, "/alerts/0/event": "FIRED", "/alerts/0/status": "FIRING",
            "/alerts/0/segment": "SYUNIK_EAST", "/alerts/0/severity": "MEDIUM", "/alerts/0/occurrence": "UNVERIFIED",
            "/alerts/0/attribution": "UNCONTESTED",
            "/alerts/0/window": {"from": W_WIN[0], "to": W_WIN[1]},
            "/alerts/0/rationale": W_RAT1,
            "/alerts/0/evidence": W_EV1},
        "jsonPresent": ["/deliveryId", "/sentAt", "/alerts/0/alertId", "/alerts/0/createdAt"],
        "jsonAbsent": ["/alerts/1", "/alerts/0/changes", "/alerts/0/review", "/alerts/0/withdrawn",
                       "/noLongerMatching", "/withdrawn"],
        "jsonContains": {"/alerts/0/verdictUrl": ["/api/v1/verdicts/" + W]},
        "jsonMatches": {"/sentAt": "Z$", "/alerts/0/createdAt": "Z$"}}},
    "timeoutSeconds": 30,
    "note": "README Webhooks: POST of the Notification JSON; X-BorderWatch-Timestamp (unix seconds), "
            "X-BorderWatch-Signature sha256=<hex HMAC-SHA256 of timestamp.'.'.raw body> with the subscription's secret "
            "(runner verifies, timestamp within 5 minutes), X-BorderWatch-Delivery = the body's signed deliveryId; "
            "http: targets get HTTP/1.1 without an Upgrade: h2c offer. Alert fields: common alert.schema.json; "
            "'changes' left out on FIRED; window and evidence passed on unchanged (README 'Times', 'evidence'); "
            "verdictUrl set by the local profile (only the path asserted). sentAt/createdAt UTC with Z (README 'Times'). "
            "UNSURE (not asserted): whether an empty signals/casualties list is written as [] or left out, "
            "groupKey's form, the summary's wording."})
steps.append(kafka_step("c-13", W1, None, None,
                        "Incident W v1 produced again, byte for byte (an at-least-once redelivery). README 'Dedup': "
                        "a version not newer than the last one seen changes nothing. No wait: c-16's exact count and "
                        "sequence show that nothing was sent."))
steps.append(kafka_step("c-14", W2, "/api/v1/verdicts/" + W, {"/latest/version": 2},
                        "Incident W v2: only the rationale, the claim's revision and the confidence changed. README "
                        "'The lifecycle': 'new rationale text ... alone are stored but not sent' (and no severity "
                        "drop, no signal gone, no new segment: not a leave notice either). Waits until the verdict's "
                        "latest version is 2 (README REST: GET /api/v1/verdicts/{incidentId} -> latest, the "
                        "assessment version)."))
steps.append(kafka_step("c-15", W3, "/api/v1/alerts/{c-12./alerts/0/alertId}", {"/latest/sequence": 2},
                        "Incident W v3: MEDIUM -> HIGH (one AZ serviceman wounded). Severity rose: material -> "
                        "UPDATED, sequence 2 (v1's redelivery and v2 took no sequence)."))
steps.append({"id": "c-16", "expectWebhook": {
    "path": "/partner-a", "count": 2, "holdSeconds": 3, "signatureSecret": SECRET_A, "distinctDeliveryIds": True,
    "last": {
        "headers": SIGNED_HEADERS,
        "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"},
        "json": {"/mode": "IMMEDIATE", "/alerts/0/incidentId": W, "/alerts/0/alertId": "{c-12./alerts/0/alertId}",
                 "/alerts/0/sequence": 2, "/alerts/0/assessmentVersion": 3, "/alerts/0/event": "UPDATED",
                 "/alerts/0/status": "FIRING", "/alerts/0/severity": "HIGH", "/alerts/0/occurrence": "UNVERIFIED",
                 "/alerts/0/changes": ["severity MEDIUM -> HIGH"],
                 "/alerts/0/casualties": [{"killed": 0, "wounded": 1, "party": "AZ"}]},
        "jsonAbsent": ["/alerts/1"]}},
    "timeoutSeconds": 30,
    "note": "Exactly two notifications so far: FIRED and this UPDATED (the redelivery of v1 and the rationale-only "
            "v2 sent nothing, also not later: holdSeconds). changes per README 'What changed': 'severity MEDIUM -> "
            "HIGH'. Each notification its own deliveryId."})
steps.append({"id": "c-17", "expectWebhook": {
    "path": "/cap-desk", "count": 2, "signatureSecret": SECRET_CAP, "distinctDeliveryIds": True,
    "last": {
        "headers": {"X-BorderWatch-Timestamp": "^[0-9]{10}$", "X-BorderWatch-Signature": "^sha256=[0-9a-f]{64}$"},
        "xml": {"/alert/identifier": "borderwatch-{c-12./alerts/0/alertId}-2",
                "/alert/sender": "alerts@borderwatch.invalid", "/alert/status": "Actual",
                "/alert/msgType": "Update", "/alert/scope": "Public",
                "/alert/info/category": "Security", "/alert/info/event": "Reported ceasefire incident",
                "/alert/info/responseType": "Monitor", "/alert/info/urgency": "Immediate",
                "/alert/info/severity": "Severe", "/alert/info/certainty": "Possible",
                "/alert/info/area/geocode/valueName": "ISO3166-2", "/alert/info/area/geocode/value": "AM-SU"},
        "xmlContains": {"/alert/references": ["alerts@borderwatch.invalid,borderwatch-{c-12./alerts/0/alertId}-1,"],
                        "/alert/info/description": ["What changed: severity MEDIUM -> HIGH"],
                        "/alert/info/web": ["/api/v1/verdicts/" + W]},
        "xmlAbsent": ["/alert/info/resource[3]"]}},
    "timeoutSeconds": 30,
    "note": "CAP webhook (README 'OASIS CAP 1.2'): one document per message; identifier borderwatch-<alertId>-"
            "<sequence>; UPDATED -> msgType Update with references = every earlier message as 'sender,identifier,sent' "
            "(space separated); HIGH -> Severe; firing HIGH not REFUTED -> Immediate; UNVERIFIED -> Possible; "
            "responseType Monitor (AllClear only when resolved); SYUNIK_EAST -> geocode AM-SU; description's first "
            "line 'What changed: ...'; web = verdictUrl. Two statements with http(s) addresses -> two resource "
            "elements, not three. XML paths by local element names (namespace ignored). UNSURE (not asserted): the "
            "webhook's Content-Type for CAP, whether X-BorderWatch-Delivery is sent on a CAP webhook, how areaDesc "
            "'names the segment' (enum name or words), the order of the two resource elements."})
steps.append(kafka_step("c-18", W4, "/api/v1/alerts/{c-12./alerts/0/alertId}", {"/latest/sequence": 3},
                        "Incident W v4: AM MoD denied (UNVERIFIED -> DISPUTED, attribution CONTESTED) and a mortar "
                        "claim brought the signal HEAVY_WEAPONS; severity stays HIGH. Two material changes in one "
                        "version: one UPDATED, sequence 3."))
steps.append({"id": "c-19", "expectWebhook": {
    "path": "/partner-a", "count": 3, "signatureSecret": SECRET_A, "distinctDeliveryIds": True,
    "last": {
        "headers": SIGNED_HEADERS,
        "json": {"/alerts/0/sequence": 3, "/alerts/0/assessmentVersion": 4, "/alerts/0/event": "UPDATED",
                 "/alerts/0/status": "FIRING", "/alerts/0/severity": "HIGH", "/alerts/0/occurrence": "DISPUTED",
                 "/alerts/0/attribution": "CONTESTED", "/alerts/0/signals": ["HEAVY_WEAPONS"]},
        "jsonArrayContains": {"/alerts/0/changes": ["occurrence UNVERIFIED -> DISPUTED", "new signal HEAVY_WEAPONS"]},
        "jsonAbsent": ["/alerts/0/changes/2", "/alerts/1"]}},
    "timeoutSeconds": 30,
    "note": "README 'What changed': one entry per change, 'occurrence UNVERIFIED -> DISPUTED' and 'new signal "
            "HEAVY_WEAPONS' (order between the two not asserted: UNSURE). Exactly two entries."})
steps.append(kafka_step("c-20", W5, "/api/v1/alerts/{c-12./alerts/0/alertId}", {"/status": "RESOLVED"},
                        "Incident W v5: closed after a quiet period (closure QUIET), nothing else changed. The "
                        "closing version resolves (README 'The lifecycle')."))
steps.append({"id": "c-21", "expectWebhook": {
    "path": "/partner-a", "count": 4, "holdSeconds": 3, "signatureSecret": SECRET_A, "distinctDeliveryIds": True,
    "last": {
        "headers": SIGNED_HEADERS,
        "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"},
        "json": {"/alerts/0/sequence": 4, "/alerts/0/assessmentVersion": 5, "/alerts/0/event": "RESOLVED",
                 "/alerts/0/status": "RESOLVED", "/alerts/0/severity": "HIGH", "/alerts/0/occurrence": "DISPUTED",
                 "/alerts/0/changes": ["incident closed"]},
        "jsonAbsent": ["/alerts/1", "/withdrawn", "/alerts/0/withdrawn", "/noLongerMatching"]}},
    "timeoutSeconds": 30,
    "note": "RESOLVED notice when the incident closes: changes 'incident closed' and nothing else (nothing else "
            "changed). Four notifications in all for W, four distinct delivery ids, sequences 1..4 without a gap: "
            "the same version never twice. A QUIET closure is a resolution, not a withdrawal (no 'withdrawn')."})
steps.append({"id": "c-22", "expectWebhook": {
    "path": "/cap-desk", "count": 4, "signatureSecret": SECRET_CAP,
    "last": {
        "xml": {"/alert/identifier": "borderwatch-{c-12./alerts/0/alertId}-4", "/alert/msgType": "Cancel",
                "/alert/info/responseType": "AllClear", "/alert/info/urgency": "Past",
                "/alert/info/certainty": "Possible", "/alert/info/severity": "Severe"},
        "xmlContains": {"/alert/references": ["borderwatch-{c-12./alerts/0/alertId}-1,",
                                              "borderwatch-{c-12./alerts/0/alertId}-2,",
                                              "borderwatch-{c-12./alerts/0/alertId}-3,"],
                        "/alert/note": ["message 4", "RESOLVED"]}}},
    "timeoutSeconds": 30,
    "note": "README CAP table: RESOLVED -> Cancel with the references of every earlier message, responseType "
            "AllClear, urgency Past (resolved); DISPUTED -> certainty Possible. note = 'BorderWatch alert <id> "
            "message <n> (<event>)'."})
steps.append({"id": "c-23", "expectKafka": {
    "topic": FEED, "keyEquals": W, "count": 4, "holdSeconds": 2,
    "headersPresent": ["bw-delivery"], "distinctHeader": "bw-delivery",
    "last": {"json": {"/incidentId": W, "/alertId": "{c-12./alerts/0/alertId}", "/sequence": 4,
                      "/event": "RESOLVED", "/status": "RESOLVED", "/schemaVersion": 1,
                      "/changes": ["incident closed"]},
             "jsonAbsent": ["/alerts", "/deliveryId", "/noLongerMatching"]}},
    "timeoutSeconds": 30,
    "note": "README Delivery 'Kafka': every message on border.alerts, key incidentId, value the bare Alert JSON, one "
            "header bw-delivery (the idempotency key). W's messages: FIRED, UPDATED, UPDATED, RESOLVED = 4 records "
            "(the redelivery and the rationale-only v2 are no message). The alert's own copy's changes since the "
            "previous message: 'incident closed'."})

# ---------------------------------------------------------------- minSeverity filter (V, VAYOTS_DZOR_EAST)
V_WIN = ("2025-03-19T06:15:00+04:00", "2025-03-19T06:15:00+04:00")
V_EV1 = [ev(201, AZ_MOD, "CLAIM", "2025-03-19T08:00:00+04:00", "https://mod.example.az/statements/v-1")]
V1 = assessment(V, 1, "VAYOTS_DZOR_EAST", V_WIN, "UNVERIFIED", "UNCONTESTED", 0.4, "AM", ["SMALL_ARMS_FIRE"],
                {"CLAIM": [rid(201)]}, [], "MEDIUM", [], False,
                ["AZ MoD claimed fire from the Jermuk direction at its positions in southern Kalbajar at "
                 "2025-03-19 06:15 +04:00; nobody has answered yet."],
                "2025-03-19T08:00:00+04:00", ["az-mod"], V_EV1)
V_EV2 = V_EV1 + [ev(202, AZ_MOD, "CLAIM", "2025-03-19T10:30:00+04:00", "https://mod.example.az/statements/v-2")]
V2 = assessment(V, 2, "VAYOTS_DZOR_EAST", V_WIN, "UNVERIFIED", "UNCONTESTED", 0.45, "AM",
                ["SMALL_ARMS_FIRE", "CASUALTY"], {"CLAIM": [rid(201), rid(202)]},
                [{"killed": 0, "wounded": 2, "party": "AZ"}], "HIGH", [], False,
                ["AZ MoD claimed fire from the Jermuk direction at its positions in southern Kalbajar at "
                 "2025-03-19 06:15 +04:00; nobody has answered yet.",
                 "AZ MoD reported at 2025-03-19 10:30 +04:00 that two servicemen were wounded."],
                "2025-03-19T10:30:00+04:00", ["az-mod"], V_EV2)
steps.append(kafka_step("c-24", V1, "/api/v1/alerts?segment=VAYOTS_DZOR_EAST", {"/0/latest/incidentId": V},
                        "Incident V v1: VAYOTS_DZOR_EAST, MEDIUM. Fires (for the feed), below c-03's minSeverity "
                        "HIGH: not sent to jermuk-high."))
steps.append(kafka_step("c-25", V2, "/api/v1/alerts?segment=VAYOTS_DZOR_EAST", {"/0/latest/sequence": 2},
                        "Incident V v2: MEDIUM -> HIGH. UPDATED, sequence 2; the first message that matches c-03."))
steps.append({"id": "c-26", "expectWebhook": {
    "path": "/jermuk-high", "count": 1, "holdSeconds": 3, "signatureSecret": SECRET_V,
    "last": {"headers": SIGNED_HEADERS,
             "json": {"/subscriptionId": "{c-03./id}", "/alerts/0/incidentId": V, "/alerts/0/sequence": 2,
                      "/alerts/0/assessmentVersion": 2, "/alerts/0/event": "FIRED", "/alerts/0/status": "FIRING",
                      "/alerts/0/severity": "HIGH"},
             "jsonAbsent": ["/alerts/0/changes", "/alerts/1"]}},
    "timeoutSeconds": 30,
    "note": "minSeverity filter: the MEDIUM v1 never reached the HIGH desk; its first message is v2's, and README "
            "'What changed' / 'The lifecycle': a subscription's first message about an incident is FIRED while the "
            "alert fires, its own sequence (2) kept, changes left out (never 'severity MEDIUM -> HIGH' about a "
            "MEDIUM it was never sent)."})

# ---------------------------------------------------------------- signals filter (T, TAVUSH)
T_WIN = ("2025-03-20T03:40:00+04:00", "2025-03-20T04:25:00+04:00")
T_EV1 = [ev(301, AZ_MOD, "CLAIM", "2025-03-20T07:10:00+04:00", "https://mod.example.az/statements/t-1"),
         ev(302, AM_MOD, "DENIAL", "2025-03-20T09:00:00+04:00", "https://mil.example.am/news/t-2")]
T_RAT1 = ["AZ MoD claimed mortar fire from the Berd direction at its positions near Tovuz between "
          "2025-03-20 03:40 and 04:25 +04:00.",
          "AM MoD denied on 2025-03-20 09:00 +04:00 that its units fired near Chinari."]
HW_T = {"type": "HEAVY_WEAPONS", "reportIds": [rid(301)], "rationale": "mortar fire claimed"}
T1 = assessment(T, 1, "TAVUSH", T_WIN, "DISPUTED", "CONTESTED", 0.55, "AM", ["MORTAR_ARTILLERY"],
                {"CLAIM": [rid(301)], "DENIAL": [rid(302)]}, [], "HIGH", [HW_T], False, T_RAT1,
                "2025-03-20T09:00:00+04:00", ["am-mod", "az-mod"], T_EV1)
T_EV2 = T_EV1 + [ev(303, AZ_MOD, "CLAIM", "2025-03-20T12:30:00+04:00", "https://mod.example.az/statements/t-3")]
FAT_T = {"type": "FATALITIES", "reportIds": [rid(303)], "rationale": "AZ MoD reported three servicemen killed"}
T2 = assessment(T, 2, "TAVUSH", T_WIN, "DISPUTED", "CONTESTED", 0.6, "AM", ["MORTAR_ARTILLERY", "CASUALTY"],
                {"CLAIM": [rid(301), rid(303)], "DENIAL": [rid(302)]},
                [{"killed": 3, "wounded": 1, "party": "AZ"}], "CRITICAL", [HW_T, FAT_T], False,
                T_RAT1 + ["AZ MoD reported at 2025-03-20 12:30 +04:00 that three servicemen were killed and one "
                          "wounded."],
                "2025-03-20T12:30:00+04:00", ["am-mod", "az-mod"], T_EV2)
steps.append(kafka_step("c-27", T1, "/api/v1/alerts?segment=TAVUSH", {"/0/latest/incidentId": T},
                        "Incident T v1: TAVUSH, HIGH, DISPUTED, signal HEAVY_WEAPONS only: does not match c-04 "
                        "(signals [FATALITIES])."))
steps.append(kafka_step("c-28", T2, "/api/v1/alerts?segment=TAVUSH", {"/0/latest/sequence": 2},
                        "Incident T v2: three killed -> CRITICAL and the new signal FATALITIES: UPDATED, sequence 2, "
                        "the first message matching c-04. (The only CRITICAL incident of the round; TAVUSH has no "
                        "LOW/MEDIUM incident it could inhibit.)"))
steps.append({"id": "c-29", "expectWebhook": {
    "path": "/tavush-fatalities", "count": 1, "holdSeconds": 3, "signatureSecret": SECRET_T,
    "last": {"headers": SIGNED_HEADERS,
             "json": {"/alerts/0/incidentId": T, "/alerts/0/sequence": 2, "/alerts/0/event": "FIRED",
                      "/alerts/0/severity": "CRITICAL", "/alerts/0/assessmentVersion": 2},
             "jsonArrayContains": {"/alerts/0/signals": ["FATALITIES", "HEAVY_WEAPONS"],
                                   "/alerts/0/casualties": [{"killed": 3, "wounded": 1, "party": "AZ"}]},
             "jsonAbsent": ["/alerts/0/changes", "/alerts/0/signals/2", "/alerts/1"]}},
    "timeoutSeconds": 30,
    "note": "signals filter (README Subscriptions: 'signals matches when the alert carries at least one of them'): "
            "v1 without FATALITIES not sent; v2 is this desk's first message -> FIRED, sequence 2, no changes. "
            "Order of signals in the array not asserted."})

# ---------------------------------------------------------------- silence (A, ARARAT)
A_WIN = ("2025-03-21T21:05:00+04:00", "2025-03-21T21:30:00+04:00")
A_EV = [ev(401, AZ_MOD, "CLAIM", "2025-03-21T23:15:00+04:00", "https://mod.example.az/statements/a-1"),
        ev(402, AM_MOD, "DENIAL", "2025-03-22T00:40:00+04:00", "https://mil.example.am/news/a-2")]
A1 = assessment(A, 1, "ARARAT", A_WIN, "DISPUTED", "CONTESTED", 0.5, "AM", ["SMALL_ARMS_FIRE", "CASUALTY"],
                {"CLAIM": [rid(401)], "DENIAL": [rid(402)]}, [{"killed": 0, "wounded": 1, "party": "AZ"}], "HIGH",
                [], False,
                ["AZ MoD claimed fire from the Yeraskh direction at its positions near Sadarak between "
                 "2025-03-21 21:05 and 21:30 +04:00; one serviceman wounded.",
                 "AM MoD denied on 2025-03-22 00:40 +04:00 that its units opened fire."],
                "2025-03-22T00:40:00+04:00", ["am-mod", "az-mod"], A_EV)
steps.append({"id": "c-30", "user": "staff", "method": "POST", "path": "/api/v1/silences",
              "headers": {"Content-Type": "application/json"},
              "body": {"segments": ["ARARAT"], "endsAt": "{now+PT2H}",
                       "reason": "Ararat desk off line for a console migration; the desk reads the feed meanwhile"},
              "expect": {"status": 201, "contentType": "application/json",
                         "json": {"/segments": ["ARARAT"], "/author": "staff", "/mutesCritical": False,
                                  "/mutingNow/count": 0},
                         "jsonPresent": ["/id"], "headersPresent": ["Location"]},
              "note": "A STAFF silence of ARARAT for 2 h (at most 12 h for STAFF; never mutes CRITICAL, A is HIGH). "
                      "Nothing fires in ARARAT yet: mutingNow.count 0."})
steps.append(kafka_step("c-31", A1, "/api/v1/alerts?segment=ARARAT", {"/0/latest/incidentId": A},
                        "Incident A v1: ARARAT, HIGH, DISPUTED. Fires, muted for c-07 by the silence."))
steps.append({"id": "c-32", "expectKafka": {
    "topic": FEED, "keyEquals": A, "count": 1, "holdSeconds": 2, "headersPresent": ["bw-delivery"],
    "last": {"json": {"/incidentId": A, "/sequence": 1, "/event": "FIRED", "/status": "FIRING",
                      "/severity": "HIGH", "/segment": "ARARAT"}}},
    "timeoutSeconds": 30,
    "note": "README 'Silences' / Design choices: 'Muted messages still reach border.alerts; silences and inhibition "
            "are for people.'"})
steps.append({"id": "c-33", "user": "staff", "method": "GET", "path": "/api/v1/alerts/{c-32./alertId}", "body": None,
              "poll": {"timeoutSeconds": 10},
              "expect": {"status": 200, "contentType": "application/json",
                         "json": {"/status": "FIRING", "/latest/sequence": 1, "/latest/event": "FIRED"},
                         "jsonContains": {"/messages/0/muted": ["silenced by"]},
                         "jsonAbsent": ["/messages/1"]},
              "note": "README REST 'GET /api/v1/alerts/{alertId}': every message with 'muted' reason if it was not "
                      "sent; 'Muted messages are recorded on the alert with the reason (... silenced by ...)'. "
                      "UNSURE: whether 'muted' is a plain string (asserted: a string containing 'silenced by') and "
                      "whether it names the silence id (not asserted)."})
steps.append({"id": "c-34", "user": "staff", "method": "DELETE", "path": "/api/v1/silences/{c-30./id}", "body": None,
              "expect": {"status": 204},
              "note": "The author ends the silence: 204; what it held back is released right after from a job thread "
                      "(README REST table, 'When a silence ends')."})
steps.append({"id": "c-35", "expectWebhook": {
    "path": "/ararat-desk", "count": 1, "holdSeconds": 3, "signatureSecret": SECRET_ARARAT,
    "last": {"headers": SIGNED_HEADERS,
             "json": {"/alerts/0/incidentId": A, "/alerts/0/alertId": "{c-32./alertId}", "/alerts/0/sequence": 1,
                      "/alerts/0/event": "FIRED", "/alerts/0/status": "FIRING", "/alerts/0/severity": "HIGH",
                      "/alerts/0/changes": ["released: held back by silence {c-30./id}, which has ended"]},
             "jsonAbsent": ["/alerts/1"]}},
    "timeoutSeconds": 30,
    "note": "Nothing reached the desk while silenced (count 1 = the release only); the release is the current "
            "message with its own sequence (1, no new one), sent once, and its changes are only the release line "
            "(README 'What changed': a subscription's first message ... only the released: line when it was held "
            "back)."})

# ---------------------------------------------------------------- retried then delivered (R, SYUNIK_WEST)
R_WIN = ("2025-03-22T05:50:00+04:00", "2025-03-22T06:20:00+04:00")
R_EV = [ev(501, AZ_MOD, "CLAIM", "2025-03-22T08:00:00+04:00", "https://mod.example.az/statements/r-1"),
        ev(502, AM_MOD, "DENIAL", "2025-03-22T09:45:00+04:00", "https://mil.example.am/news/r-2")]
R1 = assessment(R, 1, "SYUNIK_WEST", R_WIN, "DISPUTED", "CONTESTED", 0.5, "AM", ["SMALL_ARMS_FIRE", "CASUALTY"],
                {"CLAIM": [rid(501)], "DENIAL": [rid(502)]}, [{"killed": 0, "wounded": 1, "party": "AZ"}], "HIGH",
                [], False,
                ["AZ MoD claimed fire from the Meghri direction at its positions in Ordubad (Kilit) between "
                 "2025-03-22 05:50 and 06:20 +04:00; one serviceman wounded.",
                 "AM MoD denied on 2025-03-22 09:45 +04:00."],
                "2025-03-22T09:45:00+04:00", ["am-mod", "az-mod"], R_EV)
steps.append(kafka_step("c-36", R1, "/api/v1/alerts?segment=SYUNIK_WEST", {"/0/latest/incidentId": R},
                        "Incident R v1: SYUNIK_WEST, HIGH. Fires; partner B answers 503 (c-10)."))
steps.append({"id": "c-37", "expectWebhook": {"path": "/partner-b", "minCount": 2, "acceptedCount": 0,
                                              "sameDeliveryId": True},
              "timeoutSeconds": 30,
              "note": "The first round: at least two attempts (alert.delivery.max-attempts 2 in this round's "
                      "settings), all answered 503, all under the same X-BorderWatch-Delivery (README: 'the same on "
                      "every retry of the same notification')."})
steps.append({"id": "c-38", "receiver": {"path": "/partner-b", "respond": 200},
              "note": "Partner B recovers (before the next round: round-backoff 3 s in this round's settings)."})
steps.append({"id": "c-39", "expectWebhook": {
    "path": "/partner-b", "acceptedCount": 1, "holdSeconds": 3, "sameDeliveryId": True, "signatureSecret": SECRET_B,
    "last": {"headers": SIGNED_HEADERS,
             "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"},
             "json": {"/subscriptionId": "{c-05./id}", "/alerts/0/incidentId": R, "/alerts/0/sequence": 1,
                      "/alerts/0/event": "FIRED"},
             "jsonAbsent": ["/alerts/1"]}},
    "timeoutSeconds": 60,
    "note": "Retried with backoff until the receiver accepts: delivered exactly once (one 2xx answer, nothing after "
            "it), every request of it under one delivery id, signed with a fresh timestamp (the runner's 5-minute "
            "check)."})
steps.append({"id": "c-40", "user": "admin", "method": "GET", "path": "/api/v1/alerts/{c-39./alerts/0/alertId}/deliveries",
              "body": None, "poll": {"timeoutSeconds": 15},
              "expect": {"status": 200, "contentType": "application/json",
                         "jsonArrayContains": {"": [{"channel": "webhook", "target": "{webhook}/partner-b",
                                                     "status": "DELIVERED", "attempts": {"$gte": 2},
                                                     "nextAttemptAt": {"$absent": True}}]}},
              "note": "README REST 'GET /api/v1/alerts/{alertId}/deliveries': each delivery with channel, target, "
                      "attempts, status, last error, times; nextAttemptAt left out once DELIVERED. attempts > 1 "
                      "(the failed ones of round 1 plus the success). Order of the list not documented: matched as "
                      "'some element'. UNSURE (not asserted): the status-code field's name and whether lastError "
                      "keeps the 503 after the success."})

# ---------------------------------------------------------------- permanently failing (P, VAYOTS_DZOR_WEST)
P_WIN = ("2025-03-23T13:00:00+04:00", "2025-03-23T13:00:00+04:00")
P_EV = [ev(601, AZ_MOD, "CLAIM", "2025-03-23T15:20:00+04:00", "https://mod.example.az/statements/p-1")]
P1 = assessment(P, 1, "VAYOTS_DZOR_WEST", P_WIN, "UNVERIFIED", "UNCONTESTED", 0.4, "AM",
                ["DRONE_STRIKE"], {"CLAIM": [rid(601)]}, [], "HIGH",
                [{"type": "HEAVY_WEAPONS", "reportIds": [rid(601)], "rationale": "drone strike claimed"}], False,
                ["AZ MoD claimed a drone strike from the Yeghegnadzor direction on its positions near Sharur at "
                 "2025-03-23 13:00 +04:00; nobody has answered yet."],
                "2025-03-23T15:20:00+04:00", ["az-mod"], P_EV)
steps.append(kafka_step("c-41", P1, "/api/v1/alerts?segment=VAYOTS_DZOR_WEST", {"/0/latest/incidentId": P},
                        "Incident P v1: VAYOTS_DZOR_WEST, HIGH, HEAVY_WEAPONS. Partner C answers 503 for good."))
steps.append({"id": "c-42", "expectKafka": {
    "topic": FEED, "keyEquals": P, "count": 1, "headersPresent": ["bw-delivery"],
    "last": {"json": {"/incidentId": P, "/event": "FIRED", "/sequence": 1, "/signals": ["HEAVY_WEAPONS"]}}},
    "timeoutSeconds": 30,
    "note": "The feed is not held up by a failing partner (its own lane: README 'Delivery'). Also gives P's alertId."})
steps.append({"id": "c-43", "user": "admin", "method": "GET", "path": "/api/v1/alerts/{c-42./alertId}/deliveries",
              "body": None, "poll": {"timeoutSeconds": 90},
              "expect": {"status": 200, "contentType": "application/json",
                         "jsonArrayContains": {"": [{"channel": "webhook", "target": "{webhook}/partner-c",
                                                     "status": "FAILED", "attempts": {"$gte": 4},
                                                     "lastError": {"$contains": ["gave up after", "rounds; last failure: ",
                                                                                 "HTTP 503 Service Unavailable"]},
                                                     "nextAttemptAt": {"$absent": True}}]}},
              "note": "README 'Delivery' / 'What lastError says': after max-rounds failed rounds the row is FAILED "
                      "with 'gave up after <n> attempts in <m> rounds; last failure: HTTP 503 Service Unavailable'; "
                      "nextAttemptAt left out once FAILED. With this round's settings (2 attempts per round, 4 rounds, "
                      "round-backoff 3 s doubled: 3+6+12 s) FAILED within about 25 s. attempts at least one per round "
                      "(>= 4). UNSURE (not asserted): the exact attempt and round numbers in the text (the README's "
                      "own example, 8 attempts in 5 rounds with 3 attempts per round, shows they need not multiply)."})

# ---------------------------------------------------------------- e-mail (E, GEGHARKUNIK)
E_WIN = ("2025-03-19T08:10:00+04:00", "2025-03-19T08:40:00+04:00")
E_EV = [ev(701, AZ_MOD, "CLAIM", "2025-03-19T09:20:00+04:00", "https://mod.example.az/statements/e-1"),
        ev(702, AM_MOD, "DENIAL", "2025-03-19T11:05:00+04:00", "javascript:alert(1)")]
E_RAT1 = ["AZ MoD claimed small-arms fire from Sotk (Zod) at its positions in Kalbajar between "
          "2025-03-19 08:10 and 08:40 +04:00.",
          "AM MoD denied on 2025-03-19 11:05 +04:00: \"no shots & no positions near Kut\" (statement <AM-0319>)."]
E1 = assessment(E, 1, "GEGHARKUNIK", E_WIN, "DISPUTED", "CONTESTED", 0.5, "AM", ["SMALL_ARMS_FIRE"],
                {"CLAIM": [rid(701)], "DENIAL": [rid(702)]}, [], "MEDIUM", [], False, E_RAT1,
                "2025-03-19T11:05:00+04:00", ["am-mod", "az-mod"], E_EV)
E_EV2 = E_EV + [ev(703, AZ_MOD, "CLAIM", "2025-03-19T13:30:00+04:00", "https://mod.example.az/statements/e-3")]
E2 = assessment(E, 2, "GEGHARKUNIK", E_WIN, "DISPUTED", "CONTESTED", 0.55, "AM", ["SMALL_ARMS_FIRE", "CASUALTY"],
                {"CLAIM": [rid(701), rid(703)], "DENIAL": [rid(702)]},
                [{"killed": 0, "wounded": 2, "party": "AZ"}], "HIGH", [], False,
                E_RAT1 + ["AZ MoD reported at 2025-03-19 13:30 +04:00 that two servicemen were wounded."],
                "2025-03-19T13:30:00+04:00", ["am-mod", "az-mod"], E_EV2)
steps.append(kafka_step("c-44", E1, "/api/v1/alerts?segment=GEGHARKUNIK", {"/0/latest/incidentId": E},
                        "Incident E v1: GEGHARKUNIK, MEDIUM, DISPUTED; a rationale line with & < > and quotes, the "
                        "denial's address a javascript: URL (as an older report may carry: schema defs 'evidence.url')."))
steps.append({"id": "c-45", "expectMail": {
    "to": "gegharkunik-desk@example.org", "count": 1,
    "contentType": "multipart/alternative", "headersPresent": ["X-BorderWatch-Delivery"],
    "subjectContains": ["[BorderWatch] FIRED:", "MEDIUM GEGHARKUNIK"],
    "subjectNotContains": ["digest"],
    "textContains": ["Statements behind this verdict:", "AZ MoD (az-mod): CLAIM, published 2025-03-19 09:20 +04:00",
                     "https://mod.example.az/statements/e-1", "AM MoD (am-mod): DENIAL, published 2025-03-19 11:05 +04:00",
                     "Verdict and its history: ", "/api/v1/verdicts/" + E, "2025-03-19 08:10 to 08:40 +04:00", E],
    "htmlContains": ["https://mod.example.az/statements/e-1", "AM MoD (am-mod)", "no shots &amp; no positions near Kut",
                     "&lt;AM-0319&gt;", "javascript:alert(1)", "/api/v1/verdicts/" + E],
    "htmlNotContains": ["<AM-0319>", "href=\"javascript:", "href='javascript:"]},
    "timeoutSeconds": 30,
    "note": "README Delivery 'E-mail': multipart/alternative plain text + HTML, header X-BorderWatch-Delivery; "
            "subject '[BorderWatch] FIRED: ...' (not a digest), severity and segment as in the README's examples "
            "('MEDIUM TAVUSH · ...'); 'Statements behind this verdict:' with source name (id): STANCE, published "
            "<+04:00 time>, the address; 'Verdict and its history: <link>'; event window within one day written "
            "'2025-03-19 08:10 to 08:40 +04:00' (README 'Times'); the incident id. HTML: everything escaped "
            "(& -> &amp;, < -> &lt;), a javascript: address shown as text, never a link. UNSURE (not asserted): the "
            "escape used for quotes, the bullet and dash characters."})
steps.append(kafka_step("c-46", E2, "/api/v1/alerts?segment=GEGHARKUNIK", {"/0/latest/sequence": 2},
                        "Incident E v2: MEDIUM -> HIGH (two wounded): UPDATED, sequence 2."))
steps.append({"id": "c-47", "expectMail": {
    "to": "gegharkunik-desk@example.org", "count": 2,
    "subjectContains": ["[BorderWatch] UPDATED (severity MEDIUM -> HIGH)", "HIGH GEGHARKUNIK"],
    "textContains": ["What changed: severity MEDIUM -> HIGH", "https://mod.example.az/statements/e-3"],
    "htmlContains": ["severity MEDIUM -&gt; HIGH"]},
    "timeoutSeconds": 30,
    "note": "README Subscriptions (e-mail): an update's subject names what changed ('[BorderWatch] UPDATED "
            "(occurrence DISPUTED -> REFUTED): MEDIUM TAVUSH · ...'), the body starts with 'What changed: ...'. "
            "Exactly two mails to the desk. HTML: '>' escaped (README: & < > \" ' escaped)."})

# ---------------------------------------------------------------- digest (K1, K2, KARABAKH)
K_EV1 = [ev(801, AZ_MOD, "CLAIM", "2025-03-24T10:00:00+04:00", "https://mod.example.az/statements/k-1")]
K1v = assessment(K1, 1, "KARABAKH", ("2025-03-24T07:30:00+04:00", "2025-03-24T07:45:00+04:00"), "UNVERIFIED",
                 "UNCONTESTED", 0.35, "AM", ["SMALL_ARMS_FIRE"], {"CLAIM": [rid(801)]}, [], "MEDIUM", [], False,
                 ["AZ MoD claimed that armed men fired at a police post near Khankendi between "
                  "2025-03-24 07:30 and 07:45 +04:00; nobody has answered yet."],
                 "2025-03-24T10:00:00+04:00", ["az-mod"], K_EV1)
K_EV2 = [ev(802, EUMA, "CONFIRMATION", "2025-03-24T16:00:00+04:00", "https://euma.example.eu/press/k-2")]
K2v = assessment(K2, 1, "KARABAKH", ("2025-03-24T12:00:00+04:00", "2025-03-24T12:00:00+04:00"), "CONFIRMED",
                 "UNCONTESTED", 0.8, "UNKNOWN", ["MINE_EXPLOSION"], {"CONFIRMATION": [rid(802)]},
                 [{"killed": 0, "wounded": 1, "party": "AZ"}], "LOW", [], False,
                 ["An observer confirmed on 2025-03-24 16:00 +04:00 that a civilian deminer was wounded by a "
                  "landmine near Khankendi at 2025-03-24 12:00 +04:00."],
                 "2025-03-24T16:00:00+04:00", ["euma"], K_EV2)
k1 = kafka_step("c-48", K1v, "/api/v1/verdicts/" + K1, {"/latest/incidentId": K1},
                "Incident K1: KARABAKH, MEDIUM. alignTo: produced right after a whole UTC minute, so that K1 and K2 "
                "fall into the same one-minute digest period (ticks aligned to the epoch).")
k1["alignTo"] = {"epochSecondsMultipleOf": 60, "plusSeconds": 2}
steps.append(k1)
steps.append(kafka_step("c-49", K2v, "/api/v1/verdicts/" + K2, {"/latest/incidentId": K2},
                        "Incident K2: KARABAKH, LOW, CONFIRMED landmine (not a ceasefire violation). Same digest "
                        "period as K1 (produced within seconds of it)."))
steps.append({"id": "c-50", "expectWebhook": {
    "path": "/karabakh-digest", "count": 1, "holdSeconds": 5, "signatureSecret": SECRET_DIGEST,
    "last": {"headers": SIGNED_HEADERS,
             "headerEqualsJson": {"X-BorderWatch-Delivery": "/deliveryId"},
             "json": {"/subscriptionId": "{c-09./id}", "/mode": "DIGEST"},
             "jsonPresent": ["/alerts/1"], "jsonAbsent": ["/alerts/2"],
             "jsonArrayContains": {"/alerts": [{"incidentId": K1, "event": "FIRED", "sequence": 1, "severity": "MEDIUM"},
                                               {"incidentId": K2, "event": "FIRED", "sequence": 1, "severity": "LOW",
                                                "occurrence": "CONFIRMED"}]}}},
    "timeoutSeconds": 90,
    "note": "README 'Grouping/Digests': a digest subscription collects everything until the next tick of its "
            "interval and sends it as ONE notification (Notification.mode DIGEST, alerts = both messages), signed "
            "like any webhook. Nothing before the tick and nothing after it (count exactly 1, held). Order of the "
            "two alerts inside the digest not documented: matched as elements."})

doc = {
    "round": "api-c",
    "service": "alert-service, local profile, fresh store, with this round's delivery settings (README.md beside "
               "this file: group-wait 0, fast retries, 4 rounds, a circuit breaker that never opens in the round, "
               "SMTP on the runner's {smtp} port, the receiver's address allowed). Round 3 does not depend on "
               "rounds 1 or 2 having run.",
    "users": {
        "note": "Exactly as alert-service/README.md 'Running it' documents the local profile: two users, HTTP Basic.",
        "staff": {"password": "staff-local", "role": "STAFF"},
        "admin": {"password": "admin-local", "role": "ADMIN"}},
    "conventions": {
        "inherited": "Everything in api-round-2/cases.json 'conventions' holds unchanged (order, references, now, "
                     "paths, body, status, json, jsonPresent/jsonAbsent, jsonContains, contentType, headers, "
                     "headersPresent, bodyIncludes/bodyExcludes, kafka, waitFor, poll). Steps are in 'cases' as in "
                     "round 2. Stop nothing on a failed step: report every difference.",
        "receivers": "The runner starts three receivers before the service and passes their addresses to it: "
                     "{webhook} = base URL of a real HTTP/1.1 receiver (e.g. http://127.0.0.1:PORT, no trailing '/'), "
                     "substituted as text everywhere (bodies, paths, expected values); every path under it is a "
                     "separate mailbox that records each request (method, headers, raw body bytes, arrival time, "
                     "the status it answered). {smtp} = a real SMTP server the service sends to (its port given to the "
                     "service as SPRING_MAIL_PORT), recording every message per recipient. {kafka} = the round's broker "
                     "(the service's), on which the runner reads alert.topics.alerts from the round's start.",
        "receiver": "A step {id, receiver: {path, respond}} or {id, receiver: [{path, respond}, ...]} sends no request: "
                    "from then on the receiver answers requests on that path with that HTTP status (empty body) until "
                    "changed. Default for every path: 200.",
        "expectWebhook": "A step {id, expectWebhook: {...}, timeoutSeconds} sends nothing; it waits up to timeoutSeconds "
                         "until the path's record satisfies the counts, then (holdSeconds) keeps watching, then judges "
                         "everything. Members: path; count = exact number of requests received on the path since the "
                         "round began, whatever was answered; minCount = at least that many; acceptedCount = exact "
                         "number of those answered 2xx; holdSeconds = after the counts are met, they must still hold "
                         "that many seconds later (count 0 with holdSeconds = nothing arrives for that long); "
                         "signatureSecret = for EVERY request on the path, the runner recomputes HMAC-SHA256 keyed with "
                         "that secret (UTF-8) over the X-BorderWatch-Timestamp value + '.' + the raw body bytes and "
                         "compares 'sha256=' + lower-case hex with X-BorderWatch-Signature, and checks the timestamp "
                         "is within 300 s of the arrival time; distinctDeliveryIds = all requests on the path that were "
                         "answered 2xx carry different X-BorderWatch-Delivery values; sameDeliveryId = ALL requests on "
                         "the path (failed and accepted) carry one X-BorderWatch-Delivery value; last = expectations on "
                         "the LAST request received on the path.",
        "last": "Inside expectWebhook/expectKafka: headers {name: regex that must match the whole value | true = "
                "present | null = absent} (names case-insensitive); contentType = prefix of Content-Type; json, "
                "jsonPresent, jsonAbsent, jsonContains as in round 2 over the body parsed as JSON; jsonMatches "
                "{pointer: regex found in the string value}; headerEqualsJson {header: pointer} = the header's value "
                "equals the string at the pointer of the body; jsonArrayContains (below); xml {path: exact text} and "
                "xmlContains {path: [texts]} over the body parsed as XML, path = '/'-separated LOCAL element names "
                "from the root (namespaces and prefixes ignored), the first element of that name at each level, text "
                "trimmed; xmlAbsent [paths], where 'name[n]' means the n-th (1-based) element of that name.",
        "jsonArrayContains": "{pointer: [templates]} (also usable in a plain HTTP step's 'expect'): the value at the "
                             "pointer is an array and each template matches at least one element (pointer '' = the "
                             "whole body). A scalar template matches an equal element. An object template matches an "
                             "object element when each of its members matches the element's member: a plain value by "
                             "JSON equality (strings after reference substitution), {\"$gte\": n} a number >= n, "
                             "{\"$contains\": [texts]} a string containing every text, {\"$absent\": true} the member "
                             "is missing (or null).",
        "expectKafka": "A step {id, expectKafka: {...}, timeoutSeconds}: considers the records on 'topic' produced since "
                       "the round began (read_committed), keeping those whose key (UTF-8) equals keyEquals (if given) "
                       "and whose value (JSON) matches every pointer of 'match' (if given); count = exact number of "
                       "those (after waiting up to timeoutSeconds, then holdSeconds as for webhooks); headersPresent = "
                       "every kept record carries these headers; distinctHeader = that header's value differs between "
                       "all kept records; last = expectations (json, jsonPresent, jsonAbsent, jsonArrayContains) on "
                       "the value of the last kept record. A runner that starts the service with alert.topics.alerts "
                       "of its own reads that topic instead of border.alerts.",
        "expectMail": "A step {id, expectMail: {...}, timeoutSeconds}: messages received by {smtp} for 'to'; count = "
                      "exact number; the other members judge the LAST of them: subjectContains / subjectNotContains "
                      "[texts] (subject decoded, case-sensitive), contentType = prefix of the top-level Content-Type, "
                      "headersPresent [names], textContains / htmlContains / htmlNotContains [texts] over the decoded "
                      "text/plain and text/html parts.",
        "references": "As in round 2, '{c-NN.<pointer>}'. The 'response body' of an expectWebhook step is the last "
                      "request's body on its path (JSON), of an expectKafka step the last kept record's value: e.g. "
                      "{c-12./alerts/0/alertId}, {c-32./alertId}.",
        "alignTo": "On any step: {epochSecondsMultipleOf: N, plusSeconds: s}: before the step the runner sleeps until "
                   "the next UTC instant whose epoch second modulo N equals s (used once, c-48, to keep the digest's "
                   "two incidents in one period).",
        "kafka": "As in round 2 (one record, key = incidentId, value = an Assessment valid against common's "
                 "assessment.schema.json, plain producer); a kafka step without waitFor waits for nothing."},
    "cases": steps,
}

with open(os.path.join(HERE, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(steps), "steps")

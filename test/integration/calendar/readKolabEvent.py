"""Reads Kolab v3 event payloads with Debian's libkolabxml bindings (python3-kolabformat), the
reference parser nobody on the project wrote. Input: a JSON list of {"name", "xml"} on stdin.
Output: a JSON object name -> {"error", "message", fields as libkolabxml understood them}."""
import json
import sys

import kolabformat

FREQUENCIES = {
    kolabformat.RecurrenceRule.Daily: "daily",
    kolabformat.RecurrenceRule.Weekly: "weekly",
    kolabformat.RecurrenceRule.Monthly: "monthly",
    kolabformat.RecurrenceRule.Yearly: "yearly",
}
# libkolabxml's Weekday enum counts from Monday (kolabformat.Monday == 0).
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def when(dt):
    if not dt.isValid():
        return None
    return {
        "date": "%04d-%02d-%02d" % (dt.year(), dt.month(), dt.day()),
        "time": None if dt.isDateOnly() else "%02d:%02d:%02d" % (dt.hour(), dt.minute(), dt.second()),
        "utc": dt.isUTC(),
        "zone": dt.timezone(),
    }


def minutes(duration):
    total = ((duration.weeks() * 7 + duration.days()) * 24 + duration.hours()) * 60 + duration.minutes()
    return -total if duration.isNegative() else total


def fields(event):
    rule = event.recurrenceRule()
    recurrence = None
    if rule.isValid():
        recurrence = {
            "frequency": FREQUENCIES.get(rule.frequency(), "other"),
            "interval": rule.interval(),
            "count": rule.count(),
            "end": when(rule.end()),
            "byday": [[d.occurence(), WEEKDAYS[d.weekday()]] for d in rule.byday()],
            "bymonthday": list(rule.bymonthday()),
            "bymonth": list(rule.bymonth()),
        }
    return {
        "uid": event.uid(),
        "summary": event.summary(),
        "location": event.location(),
        "description": event.description(),
        "start": when(event.start()),
        "end": when(event.end()),
        "recurrenceId": when(event.recurrenceID()),
        "recurrence": recurrence,
        "exdates": [when(d) for d in event.exceptionDates()],
        "alarms": [
            {"type": a.type(), "text": a.description(), "minutesAfterStart": minutes(a.relativeStart())}
            for a in event.alarms()
        ],
        "custom": {p.identifier: p.value for p in event.customProperties()},
        "organizer": event.organizer().email(),
        "attendees": [[a.contact().email(), a.contact().name(), a.rsvp()] for a in event.attendees()],
    }


result = {}
for item in json.load(sys.stdin):
    event = kolabformat.readEvent(item["xml"], False)
    error = kolabformat.error()
    entry = {"error": error, "errorOccurred": kolabformat.errorOccurred(), "message": kolabformat.errorMessage()}
    if error == kolabformat.NoError:
        entry.update(fields(event))
        entry["exceptions"] = [fields(e) for e in event.exceptions()]
    result[item["name"]] = entry
json.dump(result, sys.stdout)

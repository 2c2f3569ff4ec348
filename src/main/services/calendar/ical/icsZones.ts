/**
 * Time zones in .ics files. Import: a TZID (RFC 5545 §3.2.19) is only a name, so it is resolved to
 * an IANA zone — Olson ids under any prefix, Windows names as Outlook/Exchange write them
 * ("W. Europe Standard Time", via windows-iana's CLDR table), Outlook display names
 * ("(UTC+01:00) Amsterdam, Berlin, …") by their cities, or the VTIMEZONE's X-LIC-LOCATION.
 * Export: VTIMEZONE blocks by IANA name from timezones-ical-library, so other clients can read
 * the file without an Olson database (§3.6.5).
 */
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { findIana } from 'windows-iana';
import { ianaFromTzid, isKnownTimeZone } from '../../../../shared/calendar/zoneTime';

let cityZones: Map<string, string> | null = null;

/** `Amsterdam` → `Europe/Amsterdam`, from the zones this runtime knows (ICU). */
function zoneOfCity(city: string): string | null {
  if (!cityZones) {
    cityZones = new Map();
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const last = zone.split('/').pop();
      if (last) cityZones.set(last.toLowerCase(), zone);
    }
  }
  return cityZones.get(city.trim().replace(/ /g, '_').toLowerCase()) ?? null;
}

function tryResolve(name: string): string | null {
  const trimmed = name.trim().replace(/^"|"$/g, '');
  if (trimmed === '') return null;
  try {
    return ianaFromTzid(trimmed);
  } catch {
    // Not an Olson id: try the other spellings below.
  }
  const windows = findIana(trimmed)[0];
  if (windows && isKnownTimeZone(windows)) return windows;
  // Outlook display names: "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna".
  const cities = trimmed.replace(/^\([^)]*\)\s*/, '').split(/[,;/]/);
  for (const city of cities) {
    const zone = zoneOfCity(city);
    if (zone) return zone;
  }
  return null;
}

/** A resolver for one file's TZIDs; `locations` maps TZID → X-LIC-LOCATION of its VTIMEZONE. */
export function zoneResolver(locations: Map<string, string>): (tzid: string) => string {
  const cache = new Map<string, string>();
  return (tzid) => {
    const known = cache.get(tzid);
    if (known) return known;
    const location = locations.get(tzid);
    const zone = tryResolve(tzid) ?? (location ? tryResolve(location) : null);
    if (!zone) throw new Error(`Unknown time zone ${tzid}`);
    cache.set(tzid, zone);
    return zone;
  };
}

/** The VTIMEZONE text for an IANA zone, its TZID set to that very name; null when the library lacks it. */
export function vtimezoneText(zone: string): string | null {
  let block: string | string[];
  try {
    block = tzlib_get_ical_block(zone);
  } catch {
    return null;
  }
  const text = Array.isArray(block) ? block[0] : block;
  if (!text || !text.startsWith('BEGIN:VTIMEZONE')) return null;
  // The library answers links with their target (Amsterdam → Brussels): name the block as we use it.
  return text.replace(/^TZID:.*$/m, `TZID:${zone}`).replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`);
}

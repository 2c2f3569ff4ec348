/**
 * Synthetic Postvak-shaped mail for the search bench (issue #13 "Done means": search at 100,000
 * and 1,000,000 cached messages). Deterministic (seeded), generated chunk by chunk inside the page
 * so a million documents never cross the DevTools protocol.
 *
 * Words follow a Zipf–Mandelbrot distribution over ~100,000 words (Dutch and English office
 * words first, then Dutch-style compounds), so a "common" word is in a large share of the mail
 * and a "rare" word (rank 60,000+) in a few dozen messages per million words of text — the
 * shape real mail has (search-and-cache notes: the common word is the slow case for an index that
 * must order hits by date). Names, addresses and attachment names are Dutch/English as well.
 */
import type { EngineAtom, EngineQuery, FolderRef, IndexDoc } from '../../src/renderer/search/engine/engineTypes';
import { mulberry32 } from '../support/prng.mjs';

/** A small, fast, seeded PRNG (numbers in [0, 1)): the one the fault tests use. */
export const rng: (seed: number) => () => number = mulberry32;

// The head of the vocabulary, most common first: what a Dutch office writes about, in both languages.
const HEAD = (
  'factuur offerte vergadering project afspraak bestelling levering klant contract planning ' +
  'meeting invoice order update report question week maandag vrijdag morgen vandaag ' +
  'betaling herinnering overzicht rapport document bijlage voorstel budget team kantoor ' +
  'agenda notulen coördinatie café privé reëel één België zoëven geïnteresseerd financiën ' +
  'please thanks regards attached review schedule customer delivery payment reminder ' +
  'offertes facturen leverancier verzending retour garantie onderhoud storing melding ticket ' +
  'support service website webshop account wachtwoord inloggen server backup printer laptop ' +
  'personeel vakantie verlof ziekmelding salaris declaratie reiskosten parkeren lunch borrel ' +
  'jaarverslag begroting kwartaal omzet winst kosten btw belasting accountant boekhouding ' +
  'marketing campagne nieuwsbrief social media advertentie beurs evenement presentatie ' +
  'training cursus workshop opleiding certificaat evaluatie feedback enquête resultaat ' +
  'huurcontract verhuizing sleutel alarm schoonmaak catering koffie bezoek ontvangst ' +
  'sales lead prospect demo pilot proposal quote pricing discount renewal subscription ' +
  'deadline milestone sprint release bug feature ticket issue merge deploy testing ' +
  'juridisch advocaat notaris akte handtekening volmacht aansprakelijkheid verzekering schade ' +
  'transport pallet magazijn voorraad inkoop uitlevering vrachtbrief douane export import ' +
  'gemeente vergunning subsidie aanvraag beschikking bezwaar termijn dossier kenmerk'
).split(' ');

const PREFIXES = ['ver', 'be', 'ont', 'her', 'over', 'onder', 'aan', 'af', 'in', 'uit', 'door', 'mee', 'terug', 'samen', 'voor', 'na', 'om', 'toe', 'weg', 'op'];
const STEMS = [
  'werk', 'koop', 'zend', 'stel', 'deel', 'meld', 'vraag', 'lever', 'bied', 'plan', 'zet', 'houd', 'wijs', 'richt', 'schrijf', 'reken',
  'bouw', 'stuur', 'laad', 'sluit', 'kant', 'huis', 'land', 'geld', 'tijd', 'weg', 'boek', 'brief', 'post', 'bank', 'markt', 'prijs',
  'kosten', 'uren', 'dienst', 'zaak', 'school', 'zorg', 'wet', 'regel', 'lijst', 'staat', 'punt', 'stuk', 'vak', 'kracht', 'stroom', 'water',
  'licht', 'net', 'code', 'data', 'file', 'mail', 'sheet', 'report', 'check', 'track', 'cloud', 'desk', 'chain', 'flow',
];
const SUFFIXES = ['', 'ing', 'en', 'er', 'baar', 'heid', 'lijk', 'ster', 'tje', 's', 'de', 'ers', 'ingen', 'loos', 'zaam'];

/** The vocabulary in rank order: HEAD, then compounds (deterministic order, no duplicates). */
export function vocabulary(size = 100_000): string[] {
  const words = [...new Set(HEAD)];
  const seen = new Set(words);
  const r = rng(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  while (words.length < size) {
    const w = `${r() < 0.5 ? pick(PREFIXES) : ''}${pick(STEMS)}${pick(STEMS)}${pick(SUFFIXES)}`;
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** Samples ranks 0..n-1 with weight 1/(rank + q)^s (Zipf–Mandelbrot) by binary search on the CDF. */
export function zipfSampler(n: number, random: () => number, s = 1, q = 2.7): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1 + q) ** s;
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const FIRST = ('jan piet kees henk sanne lotte emma sophie daan sem lucas anna julia fleur bram thijs ruben lisa eva noor ' +
  'tim max milan levi finn jesse luuk sara tess iris femke anouk mark peter john mary james linda david susan robert karen ' +
  'mohammed fatima yusuf ayse ahmet elif marieke joost wouter bas roel hanneke ingrid gerard wim els marloes jeroen').split(' ');
const LAST = ('de vries|jansen|de jong|van dijk|bakker|janssen|visser|smit|meijer|de boer|mulder|de groot|bos|vos|peters|hendriks|' +
  'van leeuwen|dekker|brouwer|de wit|dijkstra|smits|de graaf|van der meer|van der linden|kok|jacobs|de haan|vermeulen|van den berg|' +
  'van der heijden|schouten|van beek|willems|van vliet|van de ven|hoekstra|maas|verhoeven|koster|prins|blom|huisman|peeters|' +
  'smith|johnson|brown|taylor|wilson|evans|thomas|roberts|yilmaz|el amrani|öztürk|müller|schröder').split('|');
const DOMAINS = ['example.test', 'klant.example', 'leverancier.example', 'gemeente.example', 'bank.example', 'acme.example', 'bouwbedrijf.example', 'mail.example'];
const EXT = ['pdf', 'pdf', 'pdf', 'docx', 'xlsx', 'jpg', 'png', 'zip', 'ics', 'pptx'];

export interface CorpusOptions {
  seed: number;
  /** Attach body text (1.5–4 KB) to every document. */
  bodies: boolean;
  /** Folders the documents are spread over (most in the first: an Inbox). */
  folders: FolderRef[];
  /** Epoch ms of the newest message; documents go back ~5 years from it. */
  newest: number;
  /** How many documents the corpus has (spreads their dates over the five years). */
  count: number;
}

export interface Corpus {
  words: string[];
  /** Documents [start, start + n) of this corpus, each with its folder. Same index → same document. */
  docs(start: number, n: number): { folder: FolderRef; doc: IndexDoc }[];
}

const FIVE_YEARS = 5 * 365 * 86_400_000;

export function corpus(options: CorpusOptions, words = vocabulary()): Corpus {
  const docs = (start: number, n: number) => {
    const out: { folder: FolderRef; doc: IndexDoc }[] = [];
    for (let i = start; i < start + n; i++) out.push(makeDoc(i, options, words));
    return out;
  };
  return { words, docs };
}

// One sampler per vocabulary: building the CDF of 100,000 words costs a few ms, not per document.
const samplers = new WeakMap<string[], { word: (r: () => number) => string; person: (r: () => number) => [string, string] }>();
function samplersOf(words: string[]) {
  let s = samplers.get(words);
  if (!s) {
    let current: () => number = Math.random;
    const z = zipfSampler(words.length, () => current());
    const firstZ = zipfSampler(FIRST.length, () => current(), 0.8);
    const lastZ = zipfSampler(LAST.length, () => current(), 0.8);
    s = {
      word: (r) => ((current = r), words[z()] as string),
      person: (r) => ((current = r), [FIRST[firstZ()] as string, LAST[lastZ()] as string]),
    };
    samplers.set(words, s);
  }
  return s;
}

function text(r: () => number, word: (r: () => number) => string, minChars: number, maxChars: number): string {
  const target = minChars + Math.floor(r() * (maxChars - minChars));
  const parts: string[] = [];
  let length = 0;
  while (length < target) {
    const w = word(r);
    parts.push(w);
    length += w.length + 1;
  }
  return parts.join(' ');
}

/** Document `i`: the same for the same options, whichever chunk asks for it. */
export function makeDoc(i: number, options: CorpusOptions, words: string[]): { folder: FolderRef; doc: IndexDoc } {
  const r = rng(options.seed * 1_000_003 + i);
  const { word, person } = samplersOf(words);
  const address = () => {
    const [first, last] = person(r);
    const display = `${first[0]?.toUpperCase()}${first.slice(1)} ${last.replace(/(^|\s)\S/g, (c) => c.toUpperCase())}`;
    return `${display} ${first}.${last.replace(/\s/g, '')}@${DOMAINS[Math.floor(r() * DOMAINS.length)]}`;
  };
  const people = (max: number) => Array.from({ length: Math.floor(r() * (max + 1)) }, address).join(' ');
  const f = options.folders;
  // 70 % in the first folder (an Inbox), the rest spread over the others.
  const folder = (r() < 0.7 || f.length === 1 ? f[0] : f[1 + Math.floor(r() * (f.length - 1))]) as FolderRef;
  const attachments = r() < 0.22 ? 1 + Math.floor(r() * 2) : 0;
  const filenames = Array.from({ length: attachments }, () => {
    const ext = EXT[Math.floor(r() * EXT.length)] as string;
    return ext === 'jpg' ? `IMG_${1000 + Math.floor(r() * 9000)}.jpg` : `${word(r)}-${word(r)}_${2020 + Math.floor(r() * 7)}.${ext}`;
  }).join(' ');
  const lead = r();
  const subject = `${lead < 0.25 ? 'Re: ' : lead < 0.3 ? 'Fw: ' : lead < 0.33 ? 'Antw: ' : ''}${text(r, word, 12, 60)}${r() < 0.15 ? ` ${Math.floor(r() * 100_000)}` : ''}`;
  const seen = r() < 0.75 ? 1 : 0;
  const flagged = r() < 0.05 ? 2 : 0;
  const answered = r() < 0.2 ? 4 : 0;
  const doc: IndexDoc = {
    uid: i + 1,
    // Newer with the index, a little jitter: the cache's order is by date, not by UID.
    date: Math.round(options.newest - FIVE_YEARS * (1 - i / options.count) - r() * 3_600_000),
    bits: seen | flagged | answered,
    size: 2_000 + Math.floor(r() * (attachments ? 2_000_000 : 60_000)),
    attachment: attachments > 0,
    subject,
    from: address(),
    to: [address(), people(2)].filter(Boolean).join(' '),
    cc: r() < 0.3 ? people(2) : '',
    filenames,
    snippet: text(r, word, 180, 200),
    body: options.bodies ? text(r, word, 1_500, 4_000) : null,
  };
  return { folder, doc };
}

// ── Queries: ≥ 100 per kind, drawn from the same distribution as the mail ─────────────────────
export type QueryKind = 'rare' | 'common' | 'prefix' | 'operator' | 'twoWords';
export const queryKinds: QueryKind[] = ['rare', 'common', 'prefix', 'operator', 'twoWords'];

export interface BenchQuery {
  kind: QueryKind;
  /** As a person would type it (for the report). */
  text: string;
  query: EngineQuery;
}

const textAtom = (value: string, field: 'any' | 'from' | 'to' | 'subject' = 'any'): EngineAtom[] => [
  { term: { kind: 'text', field, value, phrase: false }, negated: false },
];

/** `perKind` queries of every kind, searching every folder (the default scope: everything). */
export function benchQueries(words: string[], perKind: number, seed = 11): BenchQuery[] {
  const r = rng(seed);
  const out: BenchQuery[] = [];
  const between = (lo: number, hi: number) => words[lo + Math.floor(r() * (hi - lo))] as string;
  const z = zipfSampler(words.length, r);
  const q = (kind: QueryKind, text: string, clauses: EngineAtom[][]) => out.push({ kind, text, query: { clauses, folders: null } });
  for (let i = 0; i < perKind; i++) {
    const rare = between(60_000, words.length);
    q('rare', rare, [textAtom(rare)]);
    const common = between(0, 60);
    q('common', common, [textAtom(common)]);
    // Two letters as someone starts typing a word of their mail (so `fa`, `ve`, `be`… by frequency).
    let prefix = '';
    while (prefix.length < 2) prefix = (words[z()] as string).normalize('NFD').replace(/[^a-z]/g, '').slice(0, 2);
    q('prefix', prefix, [textAtom(prefix)]);
    const first = FIRST[Math.floor(r() * FIRST.length)] as string;
    const last = (LAST[Math.floor(r() * LAST.length)] as string).split(' ').at(-1) as string;
    const state = (['unread', 'flagged', 'answered'] as const)[i % 3] ?? 'unread';
    const op = i % 4;
    if (op === 0) q('operator', `from:${first} is:${state}`, [textAtom(first, 'from'), [{ term: { kind: 'is', state }, negated: false }]]);
    else if (op === 1) q('operator', `from:${last} has:attachment`, [textAtom(last, 'from'), [{ term: { kind: 'has', what: 'attachment' }, negated: false }]]);
    else if (op === 2) q('operator', `to:${first} -is:${state}`, [textAtom(first, 'to'), [{ term: { kind: 'is', state }, negated: true }]]);
    else {
      const w = between(0, 200);
      q('operator', `subject:${w} is:unread`, [textAtom(w, 'subject'), [{ term: { kind: 'is', state: 'unread' }, negated: false }]]);
    }
    const a = words[z() % 3_000] as string;
    const b = words[z() % 3_000] as string;
    q('twoWords', `${a} ${b}`, [textAtom(a), textAtom(b)]);
  }
  return out;
}

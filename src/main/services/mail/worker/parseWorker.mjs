/**
 * The parse worker (issue #10 §1; HOUSE_STYLE: parsing whose cost a stranger's message decides
 * runs outside main's event loop). One job at a time; parsePool.ts gives it a time and memory
 * budget and replaces it when it runs over. Plain ESM: the built app runs it as
 * out/main/worker/parseWorker.mjs (electron.vite.config.ts), Vitest from here.
 */
import { parentPort } from 'node:worker_threads';
import { parseCalendarText } from '../../calendar/ical/icsParse.mjs';
import { decodeText, parseDraftSource, parseHeader, splitSource } from './mime.mjs';

const jobs = {
  header: (payload) => parseHeader(payload.bytes),
  text: (payload) => decodeText(payload),
  ics: (payload) => parseCalendarText(payload.text),
  split: (payload) => splitSource(payload.bytes, payload.maxBodyBytes),
  draft: (payload) => parseDraftSource(payload.bytes),
};

parentPort?.on('message', async ({ id, kind, payload }) => {
  try {
    const job = jobs[kind];
    if (!job) throw new Error(`Unknown parse job ${kind}`);
    parentPort.postMessage({ id, ok: true, value: await job(payload) });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});

/** File-name cleaning from one place (issue #10 §12): attachments, exports, drafts. */
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/shared/fileName';

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('Offerte badkamer (v2).pdf')).toBe('Offerte badkamer (v2).pdf');
    expect(safeFileName('Überweisung März – 2026.xlsx')).toBe('Überweisung März – 2026.xlsx');
  });

  it('never leaves a path: separators and characters Windows refuses become _', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('..\\evil\\name.txt')).toBe('_evil_name.txt');
    expect(safeFileName('a:b*c?d"e<f>g|h.txt')).toBe('a_b_c_d_e_f_g_h.txt');
  });

  it('drops control characters and bidi controls, so the name reads as it is', () => {
    expect(safeFileName('factuur\u202Efdp.exe')).toBe('factuurfdp.exe');
    expect(safeFileName('line\r\nbreak\u0007\u0085.txt')).toBe('linebreak.txt');
    expect(safeFileName('tab\there.txt')).toBe('tabhere.txt');
  });

  it('is never hidden or renamed by Windows: no leading or trailing dots and spaces, no device names', () => {
    expect(safeFileName('  .bashrc  ')).toBe('bashrc');
    expect(safeFileName('notes.txt. . ')).toBe('notes.txt');
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('console.log')).toBe('console.log');
  });

  it('uses the fallback when no letter or digit is left', () => {
    expect(safeFileName('   ', 'fallback')).toBe('fallback');
    expect(safeFileName('***', 'calendar')).toBe('calendar');
    expect(safeFileName('\u202E\u202E')).toBe('attachment');
  });

  it('fits 255 bytes of UTF-8 and keeps the extension', () => {
    const long = `${'ë'.repeat(300)}.pdf`;
    const safe = safeFileName(long);
    expect(new TextEncoder().encode(safe).length).toBeLessThanOrEqual(255);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe.startsWith('ëëë')).toBe(true);
    expect(safeFileName('x'.repeat(100), 'f', 20)).toBe('x'.repeat(20));
  });

  it('never splits a character made of two UTF-16 units', () => {
    const safe = safeFileName(`${'😀'.repeat(100)}.txt`, 'f', 30);
    expect(safe).toBe(`${'😀'.repeat(6)}.txt`);
  });
});

import { describe, expect, it } from 'vitest';
import { folderNameProblem } from '../../../../../../src/renderer/features/mail/folderManagement/folderName';

const here = { delimiter: '/', siblings: ['Projects', 'Receipts'] };

describe('folderNameProblem', () => {
  it('accepts a new name, trimmed', () => {
    expect(folderNameProblem('  Invoices 2026 ', here)).toBeNull();
    expect(folderNameProblem('Offertes & prijzen', here)).toBeNull();
  });

  it('refuses an empty name, the delimiter, wildcards and control characters, and overlong names', () => {
    expect(folderNameProblem('   ', here)).toEqual({ key: 'folderName.empty' });
    expect(folderNameProblem('2026/Q1', here)).toEqual({ key: 'folderName.delimiter', delimiter: '/' });
    expect(folderNameProblem('a.b', { ...here, delimiter: '.' })).toEqual({ key: 'folderName.delimiter', delimiter: '.' });
    expect(folderNameProblem('a.b', here)).toBeNull();
    expect(folderNameProblem('All*', here)).toEqual({ key: 'folderName.reserved' });
    expect(folderNameProblem('50%', here)).toEqual({ key: 'folderName.reserved' });
    expect(folderNameProblem('tab\there', here)).toEqual({ key: 'folderName.reserved' });
    expect(folderNameProblem('x'.repeat(201), here)).toEqual({ key: 'folderName.tooLong' });
    expect(folderNameProblem('x'.repeat(200), here)).toBeNull();
  });

  it('refuses a name a folder beside it already has, whatever its case', () => {
    expect(folderNameProblem('projects', here)).toEqual({ key: 'folderName.duplicate', name: 'Projects' });
  });

  it('on rename, refuses the same name but allows a change of case of its own name', () => {
    const renaming = { ...here, current: 'Projects' };
    expect(folderNameProblem('Projects', renaming)).toEqual({ key: 'folderName.unchanged' });
    expect(folderNameProblem('PROJECTS', renaming)).toBeNull();
    expect(folderNameProblem('Receipts', renaming)).toEqual({ key: 'folderName.duplicate', name: 'Receipts' });
  });
});

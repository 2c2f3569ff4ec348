/**
 * An attachment's file name as it may be shown (issue #10 §3): a bidi isolate with every
 * direction control made visible ("factuur⟨RLO⟩fdp.exe", not "factuurexe.pdf"), and a calm note
 * when there was one.
 */
import { revealBidiControls } from '../../../shared/text/bidi';
import { Isolated } from '../../components/Isolated';
import { useI18n } from '../../i18n/useI18n';
import './trust.css';

/** The name for words about the file (a button's name, a toast): controls made visible. */
export function shownFileName(filename: string): string {
  return revealBidiControls(filename).text;
}

export function AttachmentName({ filename }: { filename: string }) {
  const { t } = useI18n();
  const shown = revealBidiControls(filename);
  return (
    <>
      <Isolated className="attachment__name" text={shown.text} />
      {shown.hadControls && <span className="attachment__warning">{t('reader.attachmentBidi')}</span>}
    </>
  );
}

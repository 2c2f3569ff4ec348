/**
 * The rich-text body: a contentEditable textbox with a small formatting toolbar (bold, italic,
 * lists, link, quote). Formatting uses document.execCommand, which Chromium (and so Electron)
 * still implements; `styleWithCSS` off makes it write <b>/<i> tags rather than inline styles,
 * which the app's CSP would block and mail clients handle worse. The editor's HTML is
 * sanitised again before it is saved or sent (editorContent.ts).
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useI18n } from '../../i18n/useI18n';

interface RichEditorProps {
  editorRef: RefObject<HTMLDivElement | null>;
  initialHtml: string;
  label: string;
  onInput(): void;
}

type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'quote';

function run(command: Command): void {
  document.execCommand('styleWithCSS', false, 'false');
  if (command === 'quote') document.execCommand('formatBlock', false, 'blockquote');
  else document.execCommand(command);
}

/** A link target people type: a URL, a bare domain (https is assumed) or an address (mailto:). */
export function linkTarget(typed: string): string | null {
  const text = typed.trim();
  if (!text || /\s/.test(text)) return null;
  if (/^(?:https?:\/\/|mailto:)/i.test(text)) return text;
  if (/^[^@/]+@[^@/]+\.[a-z]{2,}$/i.test(text)) return `mailto:${text}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(text)) return `https://${text}`;
  return null;
}

export function RichEditor({ editorRef, initialHtml, label, onInput }: RichEditorProps) {
  const { t } = useI18n();
  const [state, setState] = useState({ bold: false, italic: false });
  const [linking, setLinking] = useState<{ range: Range | null; value: string } | null>(null);
  const linkInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The editor is uncontrolled: React renders it empty once and never touches its children.
    if (editorRef.current) editorRef.current.innerHTML = initialHtml;
  }, [editorRef, initialHtml]);

  useEffect(() => {
    const update = () => {
      const editor = editorRef.current;
      if (!editor || typeof document.queryCommandState !== 'function') return;
      if (!editor.contains(document.getSelection()?.anchorNode ?? null)) return;
      setState({ bold: document.queryCommandState('bold'), italic: document.queryCommandState('italic') });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [editorRef]);

  useEffect(() => {
    if (linking) linkInput.current?.focus();
  }, [linking]);

  function format(command: Command) {
    editorRef.current?.focus();
    run(command);
    onInput();
  }

  function startLink() {
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && editorRef.current?.contains(selection.anchorNode) ? selection.getRangeAt(0).cloneRange() : null;
    setLinking({ range, value: '' });
  }

  function addLink() {
    if (!linking) return;
    const target = linkTarget(linking.value);
    if (!target) return;
    const editor = editorRef.current;
    editor?.focus();
    const selection = document.getSelection();
    if (linking.range && selection) {
      selection.removeAllRanges();
      selection.addRange(linking.range);
    }
    if (!linking.range || linking.range.collapsed) document.execCommand('insertText', false, linking.value.trim());
    if (linking.range?.collapsed !== false) {
      // Nothing was selected: select the text just typed so it becomes the link.
      const after = document.getSelection();
      if (after && after.rangeCount > 0 && after.anchorNode) {
        const node = after.anchorNode;
        const end = after.anchorOffset;
        const range = document.createRange();
        range.setStart(node, Math.max(0, end - linking.value.trim().length));
        range.setEnd(node, end);
        after.removeAllRanges();
        after.addRange(range);
      }
    }
    document.execCommand('createLink', false, target);
    setLinking(null);
    onInput();
  }

  const tool = (command: Command, name: string, glyph: string, pressed?: boolean) => (
    <button
      type="button"
      className="compose-tool"
      aria-label={name}
      title={name}
      aria-pressed={pressed}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => format(command)}
    >
      <span aria-hidden="true">{glyph}</span>
    </button>
  );

  return (
    <div className="compose-editor">
      <div className="compose-editor__toolbar" role="toolbar" aria-label={t('compose.formatting')}>
        {tool('bold', t('compose.bold'), 'B', state.bold)}
        {tool('italic', t('compose.italic'), 'I', state.italic)}
        {tool('insertUnorderedList', t('compose.bulletedList'), '•')}
        {tool('insertOrderedList', t('compose.numberedList'), '1.')}
        <button
          type="button"
          className="compose-tool"
          aria-label={t('compose.link')}
          title={t('compose.link')}
          aria-expanded={linking !== null}
          onMouseDown={(event) => event.preventDefault()}
          onClick={startLink}
        >
          <svg className="icon icon--small" viewBox="0 0 24 24" aria-hidden="true">
            <path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a1 1 0 1 1 1.4 1.4L12 13.4a1 1 0 0 1-1.4 0ZM8.5 19a4.5 4.5 0 0 1-3.2-7.7l2.1-2.1 1.4 1.4-2.1 2.1a2.5 2.5 0 1 0 3.5 3.5l2.1-2.1 1.4 1.4-2.1 2.1A4.5 4.5 0 0 1 8.5 19Zm8.1-4.2-1.4-1.4 2.1-2.1a2.5 2.5 0 1 0-3.5-3.5l-2.1 2.1-1.4-1.4 2.1-2.1a4.5 4.5 0 1 1 6.4 6.4l-2.2 2Z" />
          </svg>
        </button>
        {tool('quote', t('compose.quote'), '❝')}
      </div>
      {linking && (
        <div className="compose-editor__link">
          <label>
            {t('compose.linkAddress')}
            <input
              ref={linkInput}
              type="url"
              value={linking.value}
              aria-invalid={linking.value.trim() !== '' && linkTarget(linking.value) === null ? true : undefined}
              onChange={(event) => setLinking({ ...linking, value: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  addLink();
                } else if (event.key === 'Escape') {
                  event.preventDefault();
                  setLinking(null);
                }
              }}
            />
          </label>
          <button type="button" className="button button--small" disabled={linkTarget(linking.value) === null} onClick={addLink}>
            {t('compose.addLink')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => setLinking(null)}>
            {t('compose.cancel')}
          </button>
        </div>
      )}
      <div
        ref={editorRef}
        className="compose-editor__body"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        spellCheck
        onInput={onInput}
      />
    </div>
  );
}

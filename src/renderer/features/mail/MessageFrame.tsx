/**
 * HTML mail, sanitised (components/sanitize) and shown in a sandboxed frame without scripts.
 * Remote images stay hidden until the person asks for them; then main fetches them (the
 * renderer has no network of its own) and they are inlined as data: URLs. The choice is
 * remembered for the message until the app closes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RemoteImages } from '../../../shared/api';
import { api } from '../../api';
import { sanitizeMailHtml } from '../../components/sanitize';
import { Spinner } from '../../components/Spinner';
import type { BodyRow } from '../../db/rows';
import { describeError } from '../../i18n/errors';
import { useI18n } from '../../i18n/useI18n';
import { useStore } from '../../store';
import { applyFrameStyles, buildSrcdoc } from './frameDocument';
import { openLink } from './openLink';

/** Per message (key tag), for this session only: which remote images were allowed. */
const allowedThisSession = new Map<string, RemoteImages>();
const urlsPerCall = 100;

/** Main fetches only URLs of the message named (issue #10 §4), so each call says which one. */
async function fetchRemoteImages(body: BodyRow, urls: string[]): Promise<RemoteImages> {
  const merged: RemoteImages = {};
  const message = { accountId: body.accountId, folderPath: body.folderPath, uid: body.uid };
  for (let i = 0; i < urls.length; i += urlsPerCall) {
    const result = await api.call('message.remoteImages', { ...message, urls: urls.slice(i, i + urlsPerCall) });
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    Object.assign(merged, result.value);
  }
  for (const url of urls) if (!(url in merged)) merged[url] = null;
  return merged;
}

function useFrame(css: string) {
  const [height, setHeight] = useState(160);
  const cleanup = useRef<(() => void) | null>(null);
  useEffect(() => () => cleanup.current?.(), []);
  const onLoad = useCallback(
    (frame: HTMLIFrameElement) => {
      cleanup.current?.();
      const doc = frame.contentDocument;
      if (!doc) return;
      applyFrameStyles(doc, css);
      const onClick = (event: MouseEvent) => {
        const target = event.target as Element | null;
        const link = target?.closest?.('a[href]');
        if (!link) return;
        event.preventDefault();
        const href = link.getAttribute('href') ?? '';
        if (href.startsWith('#')) doc.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
        else openLink(href);
      };
      doc.addEventListener('click', onClick);
      const measure = () => setHeight(Math.ceil(doc.documentElement.scrollHeight));
      const observer = new ResizeObserver(measure);
      observer.observe(doc.documentElement);
      measure();
      cleanup.current = () => {
        observer.disconnect();
        doc.removeEventListener('click', onClick);
      };
    },
    [css],
  );
  return { height, onLoad };
}

export function MessageFrame({ body, messageTag }: { body: BodyRow; messageTag: string }) {
  const { t } = useI18n();
  const [allowed, setAllowed] = useState<RemoteImages | undefined>(() => allowedThisSession.get(messageTag));
  const [loading, setLoading] = useState(false);
  const sanitized = useMemo(
    () => sanitizeMailHtml(body.html ?? '', { inlineImages: body.inlineImages, remoteImages: allowed }),
    [body, allowed],
  );
  const srcdoc = useMemo(() => buildSrcdoc(sanitized.html), [sanitized.html]);
  const { height, onLoad } = useFrame(sanitized.css);
  const failed = allowed ? Object.values(allowed).filter((value) => value === null).length : 0;

  async function showImages() {
    setLoading(true);
    try {
      const images = { ...allowed, ...(await fetchRemoteImages(body, sanitized.blockedUrls)) };
      allowedThisSession.set(messageTag, images);
      setAllowed(images);
    } catch (error) {
      useStore.getState().pushToast('error', describeError(t, error as { code: string }));
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="message-frame">
      {sanitized.blockedUrls.length > 0 && (
        <div className="remote-bar" role="region" aria-label={t('reader.remoteBlocked')}>
          <span>{t('reader.remoteBlocked')}</span>
          <button type="button" className="button" onClick={() => void showImages()} disabled={loading} aria-busy={loading}>
            {loading && <Spinner />}
            {t('reader.showImages')}
          </button>
        </div>
      )}
      {failed > 0 && <p className="remote-bar remote-bar--note">{t('reader.imagesFailed', { count: failed })}</p>}
      <iframe
        className="message-frame__frame"
        title={t('reader.frameTitle')}
        sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={srcdoc}
        style={{ height }}
        onLoad={(event) => onLoad(event.currentTarget)}
      />
    </div>
  );
}

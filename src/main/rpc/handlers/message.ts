/**
 * message.* — a message's content (loadBody.ts), saving one attachment (attachmentDelivery.ts),
 * remote images.
 */
import type { Handlers } from '../dispatch';
import type { ServicesContext } from '../../services/context';
import { saveAttachment } from '../../services/mail/attachmentDelivery';
import { allHtml, loadMessageBody } from '../../services/mail/loadBody';
import { RemoteImageService, type MessageRef } from '../../services/mail/remoteImages';

export function messageHandlers(ctx: Pick<ServicesContext, 'options' | 'offline' | 'inFolder'>): Handlers {
  const images = new RemoteImageService(ctx.options.remoteImages);

  const loadBody = (ref: MessageRef) => loadMessageBody(ctx, ref);

  return {
    'message.body': async (ref) => {
      const body = await loadBody(ref);
      // The URLs message.remoteImages will accept for this message (issue #10 §4).
      images.remember(ref, allHtml(body));
      return body;
    },

    'message.saveAttachment': (ref) => saveAttachment(ctx, ctx.options.deliverAttachment, ref),

    'message.remoteImages': ({ urls, ...ref }) => images.fetch(ref, urls, async () => allHtml(await loadBody(ref))),
  };
}

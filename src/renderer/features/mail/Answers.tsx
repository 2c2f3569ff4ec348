/**
 * Who answered the open message, from which address and when (issue #4 §5), built by main
 * from the Sent copies. Asked only for messages flagged \Answered or $Forwarded: those are the
 * ones someone answered, and the flag is visible to every member of a shared mailbox.
 */
import { useEffect, useState } from 'react';
import { displayName } from '../../../shared/compose';
import type { AnswerInfo } from '../../../shared/model/compose';
import { api } from '../../api';
import { isolatedSentence } from '../../components/Isolated';
import { answeredFlag, forwardedFlag, type MessageRow } from '../../db/rows';
import { useI18n } from '../../i18n/useI18n';

export function Answers({ message }: { message: MessageRow }) {
  const { t, fmt } = useI18n();
  const { accountId, folderPath, uid } = message;
  const marked = message.flags.includes(answeredFlag) || message.flags.includes(forwardedFlag);
  const [answers, setAnswers] = useState<{ tag: string; list: AnswerInfo[] } | null>(null);
  const tag = `${accountId}\u0000${folderPath}\u0000${uid}\u0000${marked}`;

  useEffect(() => {
    if (!marked) return;
    let cancelled = false;
    void api.call('message.answers', { accountId, folderPath, uid }).then((result) => {
      if (!cancelled && result.ok) setAnswers({ tag, list: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [accountId, folderPath, uid, marked, tag]);

  const list = marked && answers?.tag === tag ? answers.list : [];
  if (list.length === 0) return null;
  return (
    <ul className="reader__answers" aria-label={t('reader.answers')}>
      {list.map((answer) => {
        const key = answer.kind === 'forward' ? 'reader.forwardedBy' : 'reader.answeredBy';
        const date = fmt.fullDate(answer.date);
        // The name comes from a Sent copy's X-Postvak-Author: a bidi isolate (issue #10 §3).
        const names = { by: displayName(answer.by ?? answer.from), from: answer.from.address };
        return (
          <li key={`${answer.folderPath}\u0000${answer.uid}`} className="reader__answer">
            {isolatedSentence((p) => t(key, { ...p, date }), names)}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A stranger's text (a display name, subject, file or folder name) inside our own words, as a
 * bidi isolate (issue #10 §3, UAX #9 §2.7): `<bdi>` keeps its direction controls from running
 * on over what follows, and its text is balanced so that it cannot close the isolate early.
 */
import type { ReactNode } from 'react';
import { balanceBidi } from '../../shared/text/bidi';

export function Isolated({ text, className }: { text: string; className?: string }) {
  return <bdi className={className}>{balanceBidi(text)}</bdi>;
}

/**
 * A translated sentence with stranger's text in it: `t` is called with a marker per
 * placeholder, and each marker becomes that text as an `<Isolated>` element.
 */
export function isolatedSentence<P extends string>(
  translate: (params: Record<P, string>) => string,
  params: Record<P, string>,
): ReactNode[] {
  const names = Object.keys(params) as P[];
  const markers = Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE001`])) as Record<P, string>;
  return translate(markers)
    .split(/\uE000(\d+)\uE001/)
    .map((piece, i) => {
      if (i % 2 === 0) return piece;
      const name = names[Number(piece)] as P;
      return <Isolated key={`${name}-${i}`} text={params[name]} />;
    })
    .filter((piece) => piece !== '');
}

/** Plain-text mail: escaped by React, links made clickable, quoted lines set apart. */
import { Fragment, type MouseEvent } from 'react';
import { linkify, quoteRuns } from './linkify';
import { openLink } from './openLink';

function Line({ text }: { text: string }) {
  return (
    <>
      {linkify(text).map((piece, index) =>
        piece.kind === 'text' ? (
          <Fragment key={index}>{piece.text}</Fragment>
        ) : (
          <a
            key={index}
            href={piece.href}
            rel="noopener noreferrer"
            target="_blank"
            onClick={(event: MouseEvent) => {
              event.preventDefault();
              openLink(piece.href);
            }}
          >
            {piece.text}
          </a>
        ),
      )}
    </>
  );
}

export function PlainTextBody({ text }: { text: string }) {
  return (
    <div className="plain-body">
      {quoteRuns(text).map((run, index) => {
        const lines = run.lines.map((line, n) => (
          <Fragment key={n}>
            {n > 0 && '\n'}
            <Line text={line} />
          </Fragment>
        ));
        return run.depth === 0 ? (
          <div key={index} className="plain-body__text">
            {lines}
          </div>
        ) : (
          <blockquote key={index} className={`plain-body__quote plain-body__quote--${Math.min(run.depth, 3)}`}>
            {lines}
          </blockquote>
        );
      })}
    </div>
  );
}

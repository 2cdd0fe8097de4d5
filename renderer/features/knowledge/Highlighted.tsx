import { Fragment } from 'react';
import type { TextPart } from './protocol';

/** Matched words become <mark> elements: article text is never injected as HTML. */
export function Highlighted({ parts }: { parts: TextPart[] }) {
  return (
    <>{parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <Fragment key={i}>{part.text}</Fragment>))}</>
  );
}

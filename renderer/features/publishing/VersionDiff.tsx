import { useEffect, useMemo, useState } from 'react';
import type { ArticleVersion } from '../../../shared/schemas/knowledge';
import { diffText } from '../../../shared/knowledge/diff';
import { usePublishingStore } from '../../state';
import { LoadingState } from '../../ui/States';

const FIELDS = ['title', 'summary', 'body', 'category'] as const;

/** Two versions side by side in one text: removed words struck through, added ones marked. Text only, never HTML. */
export function VersionDiff({ id, from, to }: { id: string; from: number; to: number }) {
  const [pair, setPair] = useState<[ArticleVersion, ArticleVersion] | 'error' | null>(null);
  const loadVersion = usePublishingStore((s) => s.loadVersion);
  useEffect(() => {
    let live = true;
    setPair(null);
    void Promise.all([loadVersion(id, from), loadVersion(id, to)]).then(([a, b]) => {
      if (live) setPair(a && b ? [a, b] : 'error');
    });
    return () => {
      live = false;
    };
  }, [id, from, to, loadVersion]);
  const parts = useMemo(
    () => (pair && pair !== 'error' ? FIELDS.map((f) => [f, diffText(pair[0][f], pair[1][f])] as const) : []),
    [pair],
  );
  if (pair === 'error') return <p className="inline-error">The versions could not be loaded.</p>;
  if (!pair) return <LoadingState label="Comparing…" />;
  return (
    <div className="pub-diff" aria-label={`Changes from version ${from} to version ${to}`}>
      {parts.map(([field, diff]) =>
        diff.every((p) => p.kind === 'same') ? null : (
          <section key={field} className="pub-diff-field">
            <h4>{field[0]!.toUpperCase() + field.slice(1)}</h4>
            <p className="pub-diff-text">
              {diff.map((p, i) =>
                p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>,
              )}
            </p>
          </section>
        ),
      )}
      {parts.every(([, d]) => d.every((p) => p.kind === 'same')) ? <p className="field-hint">The words are the same; only other fields changed.</p> : null}
    </div>
  );
}

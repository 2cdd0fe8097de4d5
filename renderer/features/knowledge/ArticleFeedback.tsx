import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useArticleFeedback } from '../../state';
import { InlineError } from '../../ui/States';
import '../../ui/controls.css';
import { FieldProblem } from '../../ui/Field';

const THANKS = 'Thanks — sent to the knowledge team';

/**
 * Advisors improve the knowledge they use: a quick yes/no, and "Flag for fix" for something
 * wrong or out of date, which lands in the admins' "Flagged articles" list.
 */
export function ArticleFeedback({ articleId }: { articleId: string }) {
  const { sending, sent, error, send } = useArticleFeedback(articleId);
  const [flagging, setFlagging] = useState(false);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const flagButtonRef = useRef<HTMLButtonElement>(null);
  const voted = sent.includes('helpful') || sent.includes('not_helpful');
  const flagged = sent.includes('flag');

  useEffect(() => {
    if (flagging) textRef.current?.focus();
  }, [flagging]);

  const vote = async (kind: 'helpful' | 'not_helpful') => {
    setThanked(false);
    if (await send({ kind })) setThanked(true);
  };

  const cancelFlag = () => {
    setFlagging(false);
    setProblem(null);
    setTimeout(() => flagButtonRef.current?.focus(), 0);
  };

  const submitFlag = async (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim().length < 3) {
      setProblem('Say what needs fixing.');
      textRef.current?.focus();
      return;
    }
    setProblem(null);
    setThanked(false);
    if (await send({ kind: 'flag', comment: comment.trim() })) {
      setFlagging(false);
      setComment('');
      setThanked(true);
    }
  };

  return (
    <section className="feedback" aria-label="Article feedback">
      <div className="feedback-row">
        <span className="feedback-question" id={`${id}-q`}>
          Was this helpful?
        </span>
        <div className="feedback-buttons" role="group" aria-labelledby={`${id}-q`}>
          <button type="button" className="button button-secondary button-small" disabled={voted || sending !== null} onClick={() => void vote('helpful')}>
            Yes
          </button>
          <button type="button" className="button button-secondary button-small" disabled={voted || sending !== null} onClick={() => void vote('not_helpful')}>
            No
          </button>
        </div>
        {flagging || flagged ? null : (
          <button ref={flagButtonRef} type="button" className="button button-quiet button-small feedback-flag" onClick={() => setFlagging(true)}>
            Flag for fix
          </button>
        )}
      </div>
      {flagging ? (
        <form
          className="feedback-form"
          onSubmit={(e) => void submitFlag(e)}
          noValidate
          onKeyDown={(e) => {
            // Esc here closes the form, not the article (the article's own Esc handler skips prevented keys).
            if (e.key !== 'Escape') return;
            e.preventDefault();
            cancelFlag();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor={`${id}-comment`}>
              What needs fixing?
            </label>
            <span className="field-hint" id={`${id}-hint`}>
              For example a wrong phone number, an out-of-date rule or a missing step.
            </span>
            <textarea
              ref={textRef}
              id={`${id}-comment`}
              className="input feedback-comment"
              rows={3}
              maxLength={2000}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-hint ${id}-problem` : `${id}-hint`}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <FieldProblem id={id} problem={problem} />
          </div>
          <div className="feedback-actions">
            <button type="submit" className="button button-small" disabled={sending !== null}>
              {sending === 'flag' ? 'Sending…' : 'Send flag'}
            </button>
            <button type="button" className="button button-quiet button-small" onClick={cancelFlag}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {error ? (
        <InlineError error={error} lead="Not sent" />
      ) : null}
      {/* The admin's publish form owns the page's role="status"; a polite live region says the same here. */}
      <p className="feedback-thanks" aria-live="polite">
        {thanked ? THANKS : ''}
      </p>
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { Field } from '../../../components/Field';
import { api, ApiError } from '../../../lib/api';
import { a, chatDimensions, chatFields } from '../../../lib/messages';
import { fieldErrors } from '../../../lib/problem';
import type { ChatReply } from '../../../lib/types';
import { problemText } from '../common';
import { DataView, formatValue } from './DataView';

interface Exchange {
  question: string;
  reply: ChatReply;
}

/** What the figure is narrowed to, and what the question asked for that the chatbot could not filter by. */
function Filters({ reply }: { reply: ChatReply }) {
  const applied = Object.entries(reply.filters ?? {});
  const missing = reply.notFiltered ?? [];
  if (applied.length === 0 && missing.length === 0) return null;
  return (
    <dl className="figures chat-filters">
      {applied.length > 0 && (
        <div>
          <dt>{a.filteredBy}</dt>
          <dd>{applied.map(([key, value]) => `${chatFields[key] ?? key}: ${formatValue(key, value)}`).join('; ')}</dd>
        </div>
      )}
      {missing.length > 0 && (
        <div>
          <dt>{a.notFilteredBy}</dt>
          <dd>{missing.map((d) => chatDimensions[d] ?? d).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** The admin chatbot (POST /chat): a question, its answer, and the figures behind it as a table. */
export function ChatPanel() {
  const [question, setQuestion] = useState('');
  const [history, setHistory] = useState<Exchange[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: (q: string) => api.chat(q),
    onSuccess: (reply, q) => {
      setHistory((h) => [...h, { question: q, reply }]);
      setQuestion('');
    },
    onError: (e) => {
      setFieldError(e instanceof ApiError ? (fieldErrors(e.problem).question ?? null) : null);
    },
  });
  const send = (q: string) => {
    setFieldError(null);
    if (!q.trim()) return setFieldError(a.questionRequired);
    ask.mutate(q.trim());
  };
  return (
    <section aria-labelledby="chat" className="chat">
      <h2 id="chat">{a.chat}</h2>
      <p className="hint">{a.chatHint}</p>
      <ol className="chat-log" aria-live="polite">
        {history.map((x, i) => (
          <li key={i}>
            <p className="chat-question">
              <strong>{a.you}:</strong> {x.question}
            </p>
            <div className="chat-answer">
              <p>
                <strong>{a.assistant}:</strong> {x.reply.answer}
              </p>
              <Filters reply={x.reply} />
              <DataView data={x.reply.data} />
            </div>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          send(question);
        }}
        noValidate
      >
        <Field label={a.question} error={fieldError ?? undefined}>
          <textarea
            rows={2}
            maxLength={500}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                send(question);
              }
            }}
          />
        </Field>
        {ask.isError && !fieldError && <Alert kind="error">{problemText(ask.error)}</Alert>}
        <button type="submit" className="primary" disabled={ask.isPending}>
          {ask.isPending ? a.asking : a.ask}
        </button>
      </form>
      <div className="chat-examples">
        {a.chatExamples.map((example) => (
          <button key={example} type="button" className="link" disabled={ask.isPending} onClick={() => send(example)}>
            {example}
          </button>
        ))}
      </div>
    </section>
  );
}

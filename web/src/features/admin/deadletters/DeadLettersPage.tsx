import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { api } from '../../../lib/api';
import { a, deadLetterServices } from '../../../lib/messages';
import type { DeadLetterQueue, DeadLetterService } from '../../../lib/types';
import { ADMIN, problemText } from '../common';

/** Each service's dead letters, per queue, with a replay once the cause is fixed (GET/POST /<service>/dead-letters). */
export function DeadLettersPage() {
  return (
    <section aria-labelledby="dead-letters">
      <h2 id="dead-letters">{a.deadLetters}</h2>
      <p className="hint">{a.deadLettersHint}</p>
      {deadLetterServices.map(({ service, label }) => (
        <ServiceLetters key={service} service={service} label={label} />
      ))}
    </section>
  );
}

function ServiceLetters({ service, label }: { service: DeadLetterService; label: string }) {
  const queues = useQuery({ queryKey: [ADMIN, 'dead-letters', service], queryFn: () => api.deadLetters(service), refetchInterval: 10_000 });
  return (
    <section aria-labelledby={`dl-${service}`} className="card">
      <h3 id={`dl-${service}`}>{label}</h3>
      {queues.isPending && <Loading />}
      {queues.isError && <Alert kind="error">{problemText(queues.error)}</Alert>}
      {queues.data && queues.data.length === 0 && <p className="hint">{a.noQueues}</p>}
      {queues.data?.map((q) => <QueueLetters key={q.queue} service={service} queue={q} />)}
    </section>
  );
}

function QueueLetters({ service, queue }: { service: DeadLetterService; queue: DeadLetterQueue }) {
  const client = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const replay = useMutation({
    mutationFn: () => api.replay(service, queue.queue),
    onSuccess: (answer) => {
      setDone(a.replayed(answer.replayed, answer.queue));
      client.invalidateQueries({ queryKey: [ADMIN, 'dead-letters', service] });
    },
  });
  const empty = queue.count === 0 && queue.letters.length === 0;
  return (
    <div className="queue" aria-label={`${a.queue} ${queue.queue}`} role="group">
      <p>
        <code>{queue.queue}</code> — {empty ? a.noLetters : a.inQueue(queue.count)}
      </p>
      {queue.letters.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>{a.messageType}</th>
                <th>{a.messageId}</th>
                <th>{a.correlation}</th>
                <th>{a.body}</th>
              </tr>
            </thead>
            <tbody>
              {queue.letters.map((letter, i) => (
                <tr key={letter.messageId ?? i}>
                  <td>{letter.type}</td>
                  <td>
                    <code>{letter.messageId}</code>
                  </td>
                  <td>
                    <code>{letter.correlationId}</code>
                  </td>
                  <td>
                    {letter.body && (
                      <details>
                        <summary>{letter.body.slice(0, 40)}…</summary>
                        <pre>{letter.body}</pre>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!empty && (
        <button
          type="button"
          disabled={replay.isPending}
          onClick={() => {
            if (window.confirm(a.replayConfirm(queue.queue))) replay.mutate();
          }}
        >
          {a.replay(queue.queue)}
        </button>
      )}
      {done && <Alert kind="success">{done}</Alert>}
      {replay.isError && <Alert kind="error">{problemText(replay.error)}</Alert>}
    </div>
  );
}

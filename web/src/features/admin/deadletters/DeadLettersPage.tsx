import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '../../../components/Alert';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { Table } from '../../../components/Table';
import { api } from '../../../lib/api';
import { a, deadLetterServices } from '../../../lib/messages';
import type { DeadLetterQueue, DeadLetterService } from '../../../lib/types';
import { ADMIN, problemText, QueryView, useConsoleQuery } from '../common';

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
  const queues = useConsoleQuery(['dead-letters', service], () => api.deadLetters(service), { poll: 10_000 });
  return (
    <section aria-labelledby={`dl-${service}`} className="card">
      <h3 id={`dl-${service}`}>{label}</h3>
      <QueryView query={queues} isEmpty={(found) => found.length === 0} empty={<p className="hint">{a.noQueues}</p>}>
        {(found) => found.map((q) => <QueueLetters key={q.queue} service={service} queue={q} />)}
      </QueryView>
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
        <Table
          head={[a.messageType, a.messageId, a.correlation, a.body]}
          rows={queue.letters}
          rowKey={(letter, i) => letter.messageId ?? i}
          cells={(letter) => [
            letter.type,
            <code>{letter.messageId}</code>,
            <code>{letter.correlationId}</code>,
            letter.body && (
              <details>
                <summary>{letter.body.slice(0, 40)}…</summary>
                <pre>{letter.body}</pre>
              </details>
            ),
          ]}
        />
      )}
      {!empty && (
        <ConfirmButton question={a.replayConfirm(queue.queue)} onConfirm={() => replay.mutate()} busy={replay.isPending}>
          {a.replay(queue.queue)}
        </ConfirmButton>
      )}
      {done && <Alert kind="success">{done}</Alert>}
      {replay.isError && <Alert kind="error">{problemText(replay.error)}</Alert>}
    </div>
  );
}

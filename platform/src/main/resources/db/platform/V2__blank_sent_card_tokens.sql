-- Secrets do not stay at rest once their message has left: the relay now blanks a message's secret fields when the
-- broker confirms it (contracts' @Secret, today AuthorizePayment's cardToken, which orders sends). This blanks the
-- ones sent before that.
update outbox
   set message = jsonb_set(message::jsonb, '{payload,cardToken}', '"[redacted]"')::text
 where type = 'AuthorizePayment'
   and sent_at is not null
   and message::jsonb #>> '{payload,cardToken}' is distinct from '[redacted]';

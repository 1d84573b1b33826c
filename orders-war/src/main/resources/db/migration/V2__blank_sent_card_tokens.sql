-- Card tokens do not stay at rest once their message has left: the relay now blanks AuthorizePayment's cardToken
-- when the broker confirms it (contracts' @Secret). This blanks the ones sent before that. The orders table already
-- forgets an order's token once its payment is decided.
update outbox
   set message = jsonb_set(message::jsonb, '{payload,cardToken}', '"[redacted]"')::text
 where type = 'AuthorizePayment'
   and sent_at is not null
   and message::jsonb #>> '{payload,cardToken}' is distinct from '[redacted]';

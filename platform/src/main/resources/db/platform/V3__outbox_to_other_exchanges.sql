-- A message may leave for another exchange than the services' own (replies to partners, a partner's unreadable
-- message to its dead letters), with headers of its own (the reason it was refused). Null: the services' exchange.
alter table outbox add column exchange text;
alter table outbox add column headers text; -- a JSON object of string headers

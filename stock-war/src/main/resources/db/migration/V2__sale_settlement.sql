-- A confirmed order's sale reaches the ingredient rows in batches (Reservations.settleSales): the commit only marks
-- its reservation, so that an order locks its (often hot) ingredient rows once, to reserve, not a second time to
-- sell. A sale changes on_hand and reserved alike, so what can be promised is the same before and after settling.
alter table reservation add column sale_pending boolean not null default false;
create index reservation_sale_pending on reservation (updated_at) where sale_pending;

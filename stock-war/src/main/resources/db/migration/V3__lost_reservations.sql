-- LOST: a confirmation came after its hold had expired and the ingredients could no longer be held again (or it came
-- for an order stock has no reservation of). Nothing is held; stock answered ReservationLost and orders cancels the
-- order. Final, like every state but HELD: a repeated confirmation gets the same answer and never holds anything.
alter table reservation drop constraint reservation_state_check;
alter table reservation add constraint reservation_state_check
    check (state in ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED', 'REJECTED', 'LOST'));

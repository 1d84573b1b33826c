-- The newest status change, found at once: the read side's lag is measured against it (reports_lag_seconds).
create index order_timeline_at on order_timeline (at);

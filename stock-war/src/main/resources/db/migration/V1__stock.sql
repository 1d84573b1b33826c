-- Stock: ingredients and their ledger, products and recipes, reservations of orders.
-- Every quantity is an integer count of the ingredient's base unit (g, ml or unit): never a float.

-- An ingredient. on_hand is what is physically there; reserved is the part of it held for orders not yet
-- confirmed. The checks are the last line of defence behind the row locks taken by every change.
create table ingredient (
    sku                 text        primary key check (sku ~ '^[A-Z0-9][A-Z0-9_-]{0,63}$'),
    name                text        not null,
    unit                text        not null check (unit in ('g', 'ml', 'unit')),
    on_hand             bigint      not null check (on_hand >= 0),
    reserved            bigint      not null default 0 check (reserved >= 0),
    low_stock_threshold bigint      not null check (low_stock_threshold >= 0),
    safety_buffer       bigint      not null default 0 check (safety_buffer >= 0),
    -- the low-stock state last announced with StockLow, so that each crossing is announced exactly once
    low_published       boolean     not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (reserved <= on_hand)
);

-- The ledger: one row per change of on_hand or reserved. Per ingredient the deltas sum to the current values.
create table movement (
    id             uuid        primary key,
    seq            bigint      generated always as identity unique,   -- the ledger's order
    ingredient_sku text        not null references ingredient (sku),
    type           text        not null check (type in ('RESTOCK', 'SALE', 'WASTE', 'ADJUSTMENT', 'RESERVE',
                                                        'RELEASE', 'EXPIRE')),
    on_hand_delta  bigint      not null,
    reserved_delta bigint      not null,
    on_hand_after  bigint      not null check (on_hand_after >= 0),
    reserved_after bigint      not null check (reserved_after >= 0 and reserved_after <= on_hand_after),
    order_id       uuid,
    reason         text,
    actor          text        not null,    -- the admin's token subject, or 'system'
    occurred_at    timestamptz not null,
    check (on_hand_delta <> 0 or reserved_delta <> 0)
);
create index movement_ledger on movement (ingredient_sku, seq);

-- A menu item. A manual "86" is sold_out_manually, until sold_out_until (null: until an admin lifts it).
create table product (
    id                 uuid        primary key,
    name               text        not null,
    description        text        not null,
    category           text        not null check (category in ('PIZZA', 'DRINK', 'DESSERT', 'SIDE')),
    price_cents        bigint      not null check (price_cents > 0),
    active             boolean     not null,
    sold_out_manually  boolean     not null default false,
    sold_out_until     timestamptz,
    -- the sold-out state last announced with ProductAvailabilityChanged (each flip is announced once)
    sold_out_published boolean     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    check (sold_out_until is null or sold_out_manually)
);
create unique index product_name on product (lower(name));
create index product_manual_sold_out on product (sold_out_until) where sold_out_manually;

-- How much of each ingredient one unit of a product takes.
create table recipe_line (
    product_id     uuid   not null references product (id) on delete cascade,
    ingredient_sku text   not null references ingredient (sku),
    quantity       bigint not null check (quantity > 0),
    primary key (product_id, ingredient_sku)
);
create index recipe_line_ingredient on recipe_line (ingredient_sku);

-- What stock did with an order: HELD until expires_at, then COMMITTED (sold), RELEASED or EXPIRED; REJECTED when
-- nothing could be held. One row per order, whatever happens, so that a repeated command gets the same answer.
create table reservation (
    order_id   uuid        primary key,
    state      text        not null check (state in ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED', 'REJECTED')),
    reason     text,
    shortages  text,                        -- the rejection's shortages, as JSON, to answer a repeat identically
    expires_at timestamptz,                 -- null only for rows that never held anything
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (state <> 'HELD' or expires_at is not null)
);
create index reservation_held_expiry on reservation (expires_at) where state = 'HELD';

create table reservation_line (
    order_id       uuid   not null references reservation (order_id) on delete cascade,
    ingredient_sku text   not null references ingredient (sku),
    quantity       bigint not null check (quantity > 0),
    primary key (order_id, ingredient_sku)
);

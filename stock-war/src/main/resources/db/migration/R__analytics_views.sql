-- What the ai service's analytics role (${analyticsRole}) may read of this schema: the menu with what can be made
-- now (the same rule as the menu endpoint: min over the recipe of floor((on_hand - reserved - buffer) / quantity),
-- a manual 86 in force), recipes by ingredient name, ingredient levels, and what sales consumed (the SALE
-- movements of the ledger, without who made them). SELECT on these views is the only grant; the guard lets the
-- service migrate where the role does not exist (the other services' own tests).
-- Repeatable: Flyway runs it again whenever it changes. Dropped and re-created, so a column can also go away.
drop view if exists analytics_consumption;
drop view if exists analytics_ingredients;
drop view if exists analytics_recipes;
drop view if exists analytics_products;

create view analytics_products as
    select p.id, p.name, p.description, p.category, p.price_cents, p.active,
           p.sold_out_manually and (p.sold_out_until is null or p.sold_out_until > now()) as sold_out_manually,
           coalesce(min(greatest(i.on_hand - i.reserved - i.safety_buffer, 0) / r.quantity), 0) as available
      from product p
      left join recipe_line r on r.product_id = p.id
      left join ingredient i on i.sku = r.ingredient_sku
     group by p.id;

create view analytics_recipes as
    select r.product_id, r.ingredient_sku as sku, i.name as ingredient, r.quantity, i.unit
      from recipe_line r
      join ingredient i on i.sku = r.ingredient_sku;

create view analytics_ingredients as
    select sku, name, unit, on_hand, reserved,
           greatest(on_hand - reserved - safety_buffer, 0) as available,
           low_stock_threshold,
           greatest(on_hand - reserved - safety_buffer, 0) <= low_stock_threshold as low
      from ingredient;

create view analytics_consumption as
    select ingredient_sku as sku, -on_hand_delta as quantity, order_id, occurred_at
      from movement
     where type = 'SALE';

do $$
begin
    if exists (select from pg_roles where rolname = '${analyticsRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${analyticsRole}');
        execute format('grant select on analytics_products, analytics_recipes, analytics_ingredients, '
                       'analytics_consumption to %I', '${analyticsRole}');
    end if;
end $$;

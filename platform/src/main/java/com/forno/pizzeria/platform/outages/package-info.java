/**
 * Outages of what the work depends on (the database, the card processor), told apart from failures of the work
 * itself: the consumers wait an outage out instead of spending a message's delivery limit, resources answer 503.
 */
package com.forno.pizzeria.platform.outages;

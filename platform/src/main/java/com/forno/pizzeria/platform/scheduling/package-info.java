/**
 * Work on a schedule that survives its failures: {@link com.forno.pizzeria.platform.scheduling.Periodic}, the one
 * way every WAR runs its sweepers, expiries, relay passes and gauge refreshes.
 */
package com.forno.pizzeria.platform.scheduling;

/**
 * Who calls, and sessions that end: roles, the caller of a request ({@link com.forno.pizzeria.platform.security.Caller}),
 * and the refusal of access tokens issued before their user's sessions ended
 * ({@link com.forno.pizzeria.platform.security.SessionCutoffs}, {@link com.forno.pizzeria.platform.security.NotBeforeFilter}).
 * <p>
 * Config keys: {@code pizzeria.sessions.cutoffs-url} (the users service's {@code /sessions/cutoffs}; unset: nothing
 * is checked), {@code pizzeria.sessions.poll-ms} (2000), {@code pizzeria.sessions.timeout-ms} (1000).
 */
package com.forno.pizzeria.platform.security;

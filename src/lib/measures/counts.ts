/** Sessions in a group: every session row counts. */
export const SESSIONS_SQL = 'CAST(count(*) AS INTEGER)';

/** Clients in a group: each client once, however many sessions they had there. */
export const CLIENTS_SQL = 'CAST(count(DISTINCT client_id) AS INTEGER)';

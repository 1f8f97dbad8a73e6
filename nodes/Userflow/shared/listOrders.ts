/**
 * The descending list orders the package's own requests rely on, in one place.
 *
 * The contract promises `order_by=-created_at` for users and, "like users", groups. For
 * content sessions it lists the sort fields (`created_at`, `last_activity_at`) without saying
 * that a leading `-` reverses them; the package assumes it does, as it does for users (README:
 * What the package assumes). The polling trigger depends on it: it reads the newest sessions
 * first and stops at its cursor. A Userflow that refused the `-` form would fail each poll
 * with its own message (nothing skipped, nothing saved), and Get Many with the Sort By shown.
 * The editor's Sort By options (fields/listOrder.ts, getManyFields.ts) repeat these values
 * as literals, which n8n's lint requires of node descriptions.
 */
export const NEWEST_CREATED_FIRST = '-created_at';
export const MOST_RECENT_ACTIVITY_FIRST = '-last_activity_at';
export const OLDEST_CREATED_FIRST = 'created_at';

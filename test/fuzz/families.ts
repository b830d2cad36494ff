/** The route families of the OpenAPI document (its tags): each is fuzzed on its own. */
export const FAMILIES = ['meta', 'auth', 'region', 'tray', 'enrolment', 'notification', 'plan', 'rounds', 'timetable', 'knowledge', 'privacy'];

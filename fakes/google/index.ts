export { FakeGoogle, type FailureMatch, type FailureResponse, type RecordedRequest } from './server.js';
export type { SeedMessage } from './gmail-render.js';
export type { DraftView, EventView } from './views.js';
export type { CalendarEventResource } from './state.js';

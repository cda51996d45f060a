export { FakeGoogle, type RecordedRequest } from './server.js';
export type { FailureMatch, FailureResponse, Fault } from './faults.js';
export type { GoogleOperation } from './route.js';
export type { SeedMessage } from './gmail-render.js';
export type { DraftView, EventView } from './views.js';
export type { CalendarEventResource } from './state.js';

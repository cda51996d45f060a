/** Types for slack-date.js (plain JS served to the page), for the tests that import it. */
export interface DateViewer {
  /** IANA time zone, e.g. "Europe/London". */
  tz: string;
  clock?: '12h' | '24h';
}
export function formatSlackDate(body: string, viewer: DateViewer, now?: Date): { text: string; link?: string } | undefined;

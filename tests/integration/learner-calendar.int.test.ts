/**
 * GET /learner/calendar.ics: the renewal windows and expiries of dated holdings as an iCalendar
 * feed, parsed back with node-ical, and bad holding parameters refused as JSON naming them.
 */
import ical, { VEvent } from 'node-ical';
import { openTestDatabase, resetAndSeed, TestDatabase } from '../support/test-database';
import { startTestServer, TestServer } from '../support/http-test-server';

let db: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  db = await openTestDatabase();
  await resetAndSeed(db.database);
  server = await startTestServer(db.database, { playground: false });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

const feed = (query: string) => fetch(`${server.origin}/learner/calendar.ics?${query}`);
const day = (date: Date | undefined) => date?.toISOString().slice(0, 10) ?? 'none';

describe('learner calendar feed', () => {
  test('an associate in its window, a renewed expert and an exam: windows and last days as all-day events', async () => {
    const response = await feed(
      'holding=azure-administrator:2026-03-01&holding=devops-engineer:2025-03-01:2026-03-01&holding=AZ-400:2024-05-02&asOf=2026-12-02',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await response.text();
    const events = Object.values(ical.sync.parseICS(text))
      .filter((entry): entry is VEvent => entry?.type === 'VEVENT')
      .map((event) => ({
        summary: String(event.summary as unknown as string),
        start: day(event.start),
        end: day(event.end),
        allDay: event.datetype === 'date',
      }))
      .sort((a, b) => (a.start + a.summary < b.start + b.summary ? -1 : 1));
    expect(events).toEqual([
      {
        summary: 'Renewal window: Azure Administrator Associate',
        start: '2026-09-01',
        end: '2027-03-02',
        allDay: true,
      },
      {
        summary: 'Renewal window: DevOps Engineer Expert',
        start: '2026-09-01',
        end: '2027-03-02',
        allDay: true,
      },
      {
        summary: 'Last day to renew: Azure Administrator Associate',
        start: '2027-03-01',
        end: '2027-03-02',
        allDay: true,
      },
      {
        summary: 'Last day to renew: DevOps Engineer Expert',
        start: '2027-03-01',
        end: '2027-03-02',
        allDay: true,
      },
    ]);
    expect(text).toContain('credential-expiration-policy');
  });

  test.each([
    ['holding=azure-administrator', 'holding[0]', /code:earnedOn/],
    [
      'holding=AZ-400:2024-05-02&holding=azure-administrator:2021-13-01',
      'holding[1].earnedOn',
      /not a calendar date/,
    ],
    ['holding=nothing-like-it:2025-01-01', 'holding[0].code', /not a certification or exam code/],
    [
      'holding=azure-administrator:2025-03-01:2026-03-02&asOf=2026-06-01',
      'holding[0].renewedOn',
      /not inside a renewal window/,
    ],
    ['', 'holding', /at least one/],
    ['holding=AZ-400:2024-05-02&asOf=tomorrow', 'asOf', /not a calendar date/],
  ])('?%s is a 400 naming %s', async (query, argumentName, message) => {
    const response = await feed(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as {
      errors: { message: string; extensions: { code: string; argumentName: string } }[];
    };
    expect(body.errors[0].extensions).toEqual({ code: 'BAD_USER_INPUT', argumentName });
    expect(body.errors[0].message).toMatch(message);
  });
});

import express, { Request, Response, Router } from 'express';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays, today } from '../domain/days';
import { isCalendarDay } from '../domain/validity';
import { BadUserInputError } from '../errors';
import { assessHoldings, HeldCredentialStatement } from '../services/held-credentials';
import { CatalogSnapshot } from '../store/snapshot/catalog-snapshot';

/** How the feed's `holding` parameters are written: code:earnedOn, optionally :renewedOn. */
const HOLDING = /^([^:]+):(\d{4}-\d{2}-\d{2})(?::(\d{4}-\d{2}-\d{2}))?$/;

function parseHolding(text: string, argument: string): HeldCredentialStatement {
  const match = HOLDING.exec(text.trim());
  if (!match) {
    throw new BadUserInputError(
      `${argument}: ${JSON.stringify(text)} must be written code:earnedOn or code:earnedOn:renewedOn, days as YYYY-MM-DD (azure-administrator:2026-03-01)`,
      argument,
    );
  }
  const [, code, earnedOn, renewedOn] = match as unknown as [string, string, string, string?];
  for (const [field, day] of [
    ['earnedOn', earnedOn],
    ['renewedOn', renewedOn],
  ] as const) {
    if (day !== undefined && !isCalendarDay(day)) {
      throw new BadUserInputError(
        `${argument}.${field}: ${day} is not a calendar date`,
        `${argument}.${field}`,
      );
    }
  }
  return { code, earnedOn, ...(renewedOn && { renewedOn }) };
}

/** A query parameter given once, several times, or not at all (nested forms are not holdings). */
const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((entry) =>
    typeof entry === 'string' ? entry : JSON.stringify(entry),
  );

/** A day as the UTC midnight ical-generator writes as that all-day date. */
const midnight = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * The iCalendar feed of a learner's renewal windows and expiries, from the same judgement as
 * Query.learner: for each held certification that expires, its renewal window as an all-day
 * event over its days, and its last valid day. Fundamentals and exams add nothing.
 */
export function learnerCalendar(
  snapshot: CatalogSnapshot,
  holdingParams: readonly string[],
  asOf: string,
): string {
  if (holdingParams.length === 0) {
    throw new BadUserInputError(
      'holding: give at least one, as holding=code:earnedOn[:renewedOn]',
      'holding',
    );
  }
  const statements = holdingParams.map((text, i) => parseHolding(text, `holding[${i}]`));
  const assessed = assessHoldings(snapshot, [], statements, asOf, 'holding');
  const calendar = ical({
    name: 'Certification renewals (certgraph)',
    prodId: { company: 'certgraph', product: 'learner-calendar', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const held of assessed) {
    const { code, validUntil, renewalOpensOn, earnedOn } = held;
    if (validUntil === undefined) continue;
    const name = held.item.name;
    const sources = [
      ...(held.policy?.validity.sources ?? []),
      ...(held.policy?.renewal?.sources ?? []),
    ];
    const about = `Policy ${held.policy?.id ?? 'unknown'}; sources: ${[...new Set(sources)].join(' ')}`;
    if (renewalOpensOn !== undefined) {
      calendar.createEvent({
        id: `${code}-${earnedOn}-renewal-window@certgraph`,
        start: midnight(renewalOpensOn),
        end: midnight(addDays(validUntil, 1)), // an all-day end is exclusive
        allDay: true,
        summary: `Renewal window: ${name}`,
        description: `${held.policy?.renewal?.method ?? 'Renew it'}, from ${renewalOpensOn} until ${validUntil}. ${about}`,
      });
    }
    calendar.createEvent({
      id: `${code}-${earnedOn}-expires@certgraph`,
      start: midnight(validUntil),
      end: midnight(addDays(validUntil, 1)),
      allDay: true,
      summary:
        held.state === 'EXPIRED'
          ? `Expired (last valid day): ${name}`
          : renewalOpensOn === undefined
            ? `Last valid day: ${name}`
            : `Last day to renew: ${name}`,
      description: `${name} counts until ${validUntil}; from ${addDays(validUntil, 1)} it must be earned again. ${about}`,
    });
  }
  return calendar.toString();
}

function sendError(res: Response, error: BadUserInputError) {
  res.status(400).json({
    errors: [{ message: error.message, extensions: error.extensions }],
  });
}

/** GET /learner/calendar.ics?holding=azure-administrator:2026-03-01&holding=AZ-900:2024-05-02 */
export function learnerCalendarRouter(
  snapshot: () => CatalogSnapshot | Promise<CatalogSnapshot>,
): Router {
  return express.Router().get('/calendar.ics', async (req: Request, res: Response) => {
    try {
      const asOf = req.query.asOf === undefined ? today() : list(req.query.asOf).join(',');
      if (!isCalendarDay(asOf)) {
        throw new BadUserInputError(`asOf: ${asOf} is not a calendar date (YYYY-MM-DD)`, 'asOf');
      }
      const body = learnerCalendar(await snapshot(), list(req.query.holding), asOf);
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .setHeader('content-disposition', 'inline; filename="certifications.ics"')
        .send(body);
    } catch (error) {
      if (error instanceof BadUserInputError) sendError(res, error);
      else throw error;
    }
  });
}

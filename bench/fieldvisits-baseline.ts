import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/database.js';
import type { DB } from '../src/db/types.js';
import * as repo from '../src/modules/fieldvisits/fieldvisits.repository.js';
import type { FileVisitBody } from '../src/modules/fieldvisits/fieldvisits.schemas.js';
import { storeFiling } from '../src/modules/fieldvisits/fieldvisits.service.js';
import { monthLoad } from '../src/modules/fieldvisits/filed-visits.service.js';
import { systemClock } from '../src/platform/clock.js';
import { type AppContext, systemActor } from '../src/platform/context.js';
import { AppError } from '../src/platform/errors.js';
import { BASELINE_FILER } from './fieldvisits-setup.js';

/**
 * The baseline's research-visit routes (see bench/baseline.ts): the same service and repository
 * calls as the real endpoints, with nothing around them.
 *
 * `POST /field-visits` finds the unit and calls `storeFiling` (fieldvisits.service.ts), the
 * very function the real endpoint calls, in one transaction: the same locks, counts, rules and
 * inserts by construction. Left out: the session and CSRF check, the reporter's unit (`ownUnit`'s
 * authorisation), the body's schema, the audit record and the answer's schema.
 */
type Query = Record<string, string | undefined>;

// The service functions need a context: the database and the clock are all they read here.
const contextOf = (db: Kysely<DB>, database: Database) =>
  ({ db, database, clock: systemClock }) as unknown as AppContext;

export function fieldVisitRoutes(app: FastifyInstance, database: Database) {
  const { db } = database;

  app.post('/field-visits', async (request, reply) => {
    const v = request.body as FileVisitBody;
    try {
      const answer = await db.transaction().execute(async (trx) => {
        const unit = await repo.findUnit(trx, v.unitId);
        if (!unit) throw new AppError(400, 'FV_UNIT_UNKNOWN');
        const { id, status, warnings } = await storeFiling(
          contextOf(trx, database),
          { id: null, displayName: BASELINE_FILER },
          { id: Number(unit.id) },
          v,
          'zh',
        );
        return { id, status, warnings };
      });
      return reply.status(201).send(answer);
    } catch (err) {
      if (err instanceof AppError) return reply.status(err.status).send({ code: err.code });
      throw err;
    }
  });

  /** `GET /api/field-visits/load`: `monthLoad` itself, for the caller's scope. */
  app.get('/field-visits/load', async (request) => {
    const { month = '', callerScope = '' } = request.query as Query;
    return monthLoad(contextOf(db, database), { ...systemActor(), scope: callerScope }, month);
  });
}
